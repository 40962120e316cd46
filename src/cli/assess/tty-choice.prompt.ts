/**
 * One question on a terminal in raw mode: ↑/↓ move, Enter chooses, Space toggles (multi-choice), `y`/`n`/`?`
 * and option numbers work as shortcuts; numbers are typed and edited with Backspace. Ctrl-C cancels.
 */

import type { Question } from '../../domain/assessment/questions.catalog.ts';
import { KneewiseError } from '../../domain/errors.ts';
import { type Parsed, parseTyped } from './typed-answer.parser.ts';

interface Key {
  name?: string;
  sequence?: string;
  ctrl?: boolean;
}

const DONT_KNOW = '__dont_know__';

function choices(q: Question, allowDontKnow: boolean): { value: string; label: string }[] {
  const base =
    q.kind === 'boolean'
      ? [
          { value: 'y', label: 'Yes' },
          { value: 'n', label: 'No' },
        ]
      : (q.options ?? []);
  return allowDontKnow ? [...base, { value: DONT_KNOW, label: "Don't know" }] : base;
}

export function askOnTty(
  q: Question,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  allowDontKnow: boolean,
): Promise<Parsed> {
  const list = q.kind === 'number' ? [] : choices(q, allowDontKnow);
  let cursor = 0;
  let typed = '';
  let error = '';
  const picked = new Set<string>();
  let drawnLines = 0;

  const draw = () => {
    if (drawnLines > 0) output.write(`\x1b[${drawnLines}A\x1b[0J`);
    const lines = [`? ${q.text}`];
    if (q.help !== undefined) lines.push(`  ${q.help}`);
    if (q.kind === 'number') lines.push(`  › ${typed}`);
    list.forEach((o, i) => {
      const mark = q.kind === 'multi' && o.value !== DONT_KNOW ? (picked.has(o.value) ? '[x] ' : '[ ] ') : '';
      lines.push(`${i === cursor ? '  › ' : '    '}${mark}${o.label}`);
    });
    if (q.kind === 'multi') lines.push('  (Space to select, Enter to confirm)');
    if (error !== '') lines.push(`  ${error}`);
    output.write(`${lines.join('\n')}\n`);
    drawnLines = lines.length;
  };

  return new Promise<Parsed>((resolve, reject) => {
    const finish = (result: Parsed, shown: string) => {
      input.removeListener('keypress', onKey);
      if (drawnLines > 0) output.write(`\x1b[${drawnLines}A\x1b[0J`);
      output.write(`✔ ${q.text} ${shown}\n`);
      resolve(result);
    };
    const choose = (value: string) => {
      if (value === DONT_KNOW) return finish({ kind: 'dont-know' }, "Don't know");
      const parsed = parseTyped(q, value);
      if (parsed.kind === 'invalid') {
        error = parsed.message;
        draw();
        return;
      }
      finish(parsed, list.find((o) => o.value === value)?.label ?? value);
    };
    const onKey = (str: string | undefined, key: Key | undefined) => {
      const name = key?.name;
      if (key?.ctrl === true && name === 'c') {
        input.removeListener('keypress', onKey);
        reject(new KneewiseError('ASSESSMENT_CANCELLED', 'assessment cancelled', 'input'));
        return;
      }
      error = '';
      if (q.kind === 'number') {
        if (name === 'return' || name === 'enter') return choose(typed === '' ? '?' : typed);
        if (name === 'backspace') typed = typed.slice(0, -1);
        else if (str !== undefined && /^[0-9.,?]$/.test(str)) typed += str;
        return draw();
      }
      if (name === 'up') cursor = (cursor + list.length - 1) % list.length;
      else if (name === 'down' || name === 'tab') cursor = (cursor + 1) % list.length;
      else if (name === 'space' && q.kind === 'multi') {
        const v = list[cursor]?.value;
        if (v !== undefined && v !== DONT_KNOW) picked.has(v) ? picked.delete(v) : picked.add(v);
      } else if (name === 'return' || name === 'enter') {
        const v = list[cursor]?.value ?? DONT_KNOW;
        if (q.kind === 'multi' && v !== DONT_KNOW) {
          if (picked.size === 0) picked.add(v);
          const values = list.filter((o) => picked.has(o.value)).map((o) => o.value);
          return choose(values.join(','));
        }
        return choose(v);
      } else if (str === '?') return choose(allowDontKnow ? DONT_KNOW : '');
      else if (q.kind === 'boolean' && (str === 'y' || str === 'n')) return choose(str);
      else if (str !== undefined && /^[1-9]$/.test(str) && Number(str) <= list.length)
        cursor = Number(str) - 1;
      draw();
    };
    input.on('keypress', onKey);
    draw();
  });
}
