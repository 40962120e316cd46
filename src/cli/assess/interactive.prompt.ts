/**
 * `kneewise assess` without --answers: runs the adaptive questionnaire in the terminal. On a TTY each
 * question is a small arrow-key menu; from a pipe it reads one typed answer per line (`y`, `n`, `?`, a
 * number, an option number or value), so it can be scripted and tested. Returns validated answers.
 */
import { createInterface, emitKeypressEvents } from 'node:readline';
import type { AnswerKey } from '../../domain/assessment/answer-keys.ts';
import { type Answers, parseAnswers } from '../../domain/assessment/answers.schema.ts';
import { nextStep, questionsLeftEstimate } from '../../domain/assessment/questionnaire.ts';
import type { Question } from '../../domain/assessment/questions.catalog.ts';
import { KneewiseError } from '../../domain/errors.ts';
import { askOnTty, KeyQueue } from './tty-choice.prompt.ts';
import { acceptedHint, type Parsed, parseTyped } from './typed-answer.parser.ts';

export interface InteractiveOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  isTTY: boolean;
}

/** Re-asks after an invalid typed answer at most this often, so a broken pipe cannot loop forever. */
const MAX_RETRIES = 3;

type Asker = (q: Question, allowDontKnow: boolean) => Promise<Parsed | 'eof'>;

function lineAsker(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
): { ask: Asker; close(): void } {
  const rl = createInterface({ input, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  const ask: Asker = async (q, allowDontKnow) => {
    const opts = (q.options ?? []).map((o, i) => `  ${i + 1}) ${o.label} [${o.value}]`).join('\n');
    output.write(
      `${q.text}${q.help ? `\n  ${q.help}` : ''}${opts ? `\n${opts}` : ''}\n(${acceptedHint(q)}) > `,
    );
    for (let attempt = 0; attempt <= MAX_RETRIES; attempt++) {
      const next = await lines.next();
      if (next.done === true) return 'eof';
      const parsed = parseTyped(q, String(next.value));
      if (parsed.kind === 'dont-know' && !allowDontKnow) {
        output.write(`\nThis answer is needed: ${acceptedHint(q).replace(/, \? = don't know$/, '')}. > `);
        continue;
      }
      if (parsed.kind !== 'invalid') {
        output.write('\n');
        return parsed;
      }
      output.write(`\n${parsed.message} > `);
    }
    throw new KneewiseError(
      'ANSWER_INVALID',
      `no valid answer for "${q.key}": expected ${acceptedHint(q)}`,
      'input',
      {
        key: q.key,
        accepted: acceptedHint(q),
      },
    );
  };
  return { ask, close: () => rl.close() };
}

function ttyAsker(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
): { ask: Asker; close(): void } {
  emitKeypressEvents(input);
  const raw = input as NodeJS.ReadableStream & { setRawMode?: (on: boolean) => void };
  raw.setRawMode?.(true);
  const keys = new KeyQueue();
  input.on('keypress', keys.listener);
  input.resume();
  return {
    ask: (q, allowDontKnow) => askOnTty(q, keys, output, allowDontKnow),
    close: () => {
      input.removeListener('keypress', keys.listener);
      raw.setRawMode?.(false);
      input.pause();
    },
  };
}

export async function runInteractiveAssessment(opts: InteractiveOptions): Promise<Answers> {
  const { ask, close } = opts.isTTY ? ttyAsker(opts.input, opts.output) : lineAsker(opts.input, opts.output);
  opts.output.write(
    'Knee check — education, not a diagnosis. Answer what you can; "don\'t know" is fine and is never taken as "no".\n\n',
  );
  const answers: Record<string, unknown> = {};
  const skipped: AnswerKey[] = [];
  try {
    let asked = 0;
    for (let step = nextStep(answers, skipped); step !== null; step = nextStep(answers, skipped)) {
      const q = step.question;
      // Where the person is, as on the dashboard: the estimate grows or shrinks with the answers.
      const total = asked + questionsLeftEstimate(answers, skipped);
      opts.output.write(`Question ${asked + 1} of about ${total} · ${step.phase}\n`);
      asked += 1;
      // Age is the one required answer (Ottawa rule, age bands); everything else may be "don't know".
      const result = await ask(q, q.key !== 'age');
      if (result === 'eof') break;
      if (result.kind === 'value') answers[q.key] = result.value;
      else skipped.push(q.key);
    }
  } finally {
    close();
  }
  if (answers.age === undefined) {
    throw new KneewiseError('ANSWER_INVALID', 'answer "age" is required: an integer from 5 to 100', 'input', {
      key: 'age',
      accepted: 'an integer from 5 to 100',
    });
  }
  return parseAnswers(answers);
}
