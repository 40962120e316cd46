/**
 * One question on a terminal in raw mode: ↑/↓ move, Enter chooses, Space toggles (multi-choice), `y`/`n`/`?`
 * and option numbers work as shortcuts; numbers are typed and edited with Backspace. Ctrl-C cancels.
 * Nothing is highlighted at first: Enter alone never answers (a stray Enter must not say "yes" to a red flag).
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

/** A queue of keypresses, so keys typed or pasted ahead of the next question are not lost. */
export class KeyQueue {
  private readonly keys: { str: string | undefined; key: Key | undefined }[] = [];
  private waiting: ((k: { str: string | undefined; key: Key | undefined }) => void) | undefined;
  readonly listener = (str: string | undefined, key: Key | undefined) => {
    const w = this.waiting;
    if (w !== undefined) {
      this.waiting = undefined;
      w({ str, key });
    } else this.keys.push({ str, key });
  };
  next(): Promise<{ str: string | undefined; key: Key | undefined }> {
    const k = this.keys.shift();
    if (k !== undefined) return Promise.resolve(k);
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }
}

export async function askOnTty(
  q: Question,
  keys: KeyQueue,
  output: NodeJS.WritableStream,
  allowDontKnow: boolean,
): Promise<Parsed> {
  const list = q.kind === 'number' ? [] : choices(q, allowDontKnow);
  /** -1: no answer highlighted yet. */
  let cursor = -1;
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

  const finish = (result: Parsed, shown: string): Parsed => {
    if (drawnLines > 0) output.write(`\x1b[${drawnLines}A\x1b[0J`);
    output.write(`✔ ${q.text} ${shown}\n`);
    return result;
  };
  /** A final answer, or undefined (with an error shown) when the choice is not acceptable. */
  const choose = (value: string): Parsed | undefined => {
    if (value === DONT_KNOW) {
      if (allowDontKnow) return finish({ kind: 'dont-know' }, "Don't know");
      error = 'This answer is needed.';
      return undefined;
    }
    const parsed = parseTyped(q, value);
    if (parsed.kind === 'invalid') {
      error = parsed.message;
      return undefined;
    }
    return finish(parsed, list.find((o) => o.value === value)?.label ?? value);
  };

  draw();
  for (;;) {
    const { str, key } = await keys.next();
    const name = key?.name;
    if (key?.ctrl === true && name === 'c')
      throw new KneewiseError('ASSESSMENT_CANCELLED', 'assessment cancelled', 'input');
    error = '';
    let done: Parsed | undefined;
    if (q.kind === 'number') {
      if (name === 'return' || name === 'enter') done = choose(typed === '' ? DONT_KNOW : typed);
      else if (str === '?' && typed === '') done = choose(DONT_KNOW);
      else if (name === 'backspace') typed = typed.slice(0, -1);
      else if (str !== undefined && /^[0-9.,]$/.test(str)) typed += str;
    } else if (name === 'up') cursor = cursor <= 0 ? list.length - 1 : cursor - 1;
    else if (name === 'down' || name === 'tab') cursor = (cursor + 1) % list.length;
    else if (name === 'space' && q.kind === 'multi') {
      const v = list[cursor]?.value;
      if (v !== undefined && v !== DONT_KNOW) {
        if (picked.has(v)) picked.delete(v);
        else picked.add(v);
      }
    } else if ((name === 'return' || name === 'enter') && cursor < 0 && picked.size === 0) {
      error =
        q.kind === 'boolean'
          ? "Choose an answer first: y for yes, n for no, ? for don't know (or ↑/↓ then Enter)."
          : 'Choose an answer first: ↑/↓ then Enter, or its number.';
    } else if (name === 'return' || name === 'enter') {
      const v = list[cursor]?.value ?? (picked.size > 0 ? '' : DONT_KNOW);
      if (q.kind === 'multi' && v !== DONT_KNOW) {
        if (picked.size === 0 && v !== '') picked.add(v);
        done = choose(
          list
            .filter((o) => picked.has(o.value))
            .map((o) => o.value)
            .join(','),
        );
      } else done = choose(v);
    } else if (str === '?') done = choose(DONT_KNOW);
    else if (q.kind === 'boolean' && (str === 'y' || str === 'n')) done = choose(str);
    else if (str !== undefined && /^[1-9]$/.test(str) && Number(str) <= list.length) cursor = Number(str) - 1;
    if (done !== undefined) return done;
    draw();
  }
}
