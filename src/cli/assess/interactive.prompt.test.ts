import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { assessKnee } from '../../domain/assessment/assess.engine.ts';
import { KneewiseError } from '../../domain/errors.ts';
import { formatAssessment } from './assessment.format.ts';
import { runInteractiveAssessment } from './interactive.prompt.ts';

function streams() {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (d: Buffer) => {
    text += d.toString();
  });
  return { input, output, text: () => text };
}

/**
 * Answers piped questions by their text, as a person would, so the tests follow the questionnaire's order
 * whatever it is. `pick` gets the prompt (or the re-ask after an invalid answer) and how often it was asked.
 */
function answerPiped(s: ReturnType<typeof streams>, pick: (prompt: string, attempt: number) => string): void {
  let buffer = '';
  let handled = 0;
  let question = '';
  let attempt = 0;
  s.output.on('data', (d: Buffer) => {
    buffer += d.toString();
    const prompts = buffer.split('> ');
    while (handled < prompts.length - 1) {
      const block = prompts[handled]!;
      handled += 1;
      const reask = /^\s*(Please answer|This answer is needed)/.test(block);
      if (reask) attempt += 1;
      else {
        question = block;
        attempt = 0;
      }
      s.input.write(`${pick(question, attempt)}\n`);
    }
  });
}

/** Answers on a terminal: `keys` for a question (by its text), sent once per question as it is drawn. */
function answerTty(
  s: ReturnType<typeof streams>,
  keys: (question: string, screen: string) => string[] | null,
) {
  let last = '';
  s.output.on('data', (d: Buffer) => {
    const screen = d.toString();
    const drawn = /^\? (.+)$/m.exec(screen)?.[1];
    if (drawn === undefined) return;
    const again = drawn === last;
    last = drawn;
    const send = keys(drawn, again ? screen : '');
    if (send === null || (again && send.length === 0)) return;
    setImmediate(() => {
      for (const k of send) s.input.write(k);
    });
  });
}

describe('runInteractiveAssessment (piped)', () => {
  it('reads typed answers line by line, re-asks invalid ones, keeps "?" as unknown', async () => {
    const s = streams();
    answerPiped(s, (q, attempt) => {
      if (/How old/.test(q)) return attempt === 0 ? 'abc' : '32';
      if (/fall, twist/.test(q)) return 'n';
      if (/put your weight/.test(q)) return 'y';
      if (/fever/.test(q)) return 'no';
      if (/Where does it hurt/.test(q)) return '3'; // option 3 = lateral
      if (/How many days ago/.test(q)) return '14';
      if (/Is it getting better/.test(q)) return 'y';
      return '?';
    });
    const answers = await runInteractiveAssessment({ input: s.input, output: s.output, isTTY: false });
    assert.equal(answers.age, 32);
    assert.equal(answers.trauma, false);
    assert.equal(answers.canBearWeight, true);
    assert.equal(answers.fever, false);
    assert.equal(answers.painLocation, 'lateral');
    assert.equal(answers.durationDays, 14);
    assert.equal('nightPain' in answers, false, "don't know leaves the key out");
    assert.match(s.text(), /Does it hurt at night/);
    assert.match(s.text(), /^Question 1 of about (3\d|4\d) · warning signs\nHow old are you/m);
    assert.match(s.text(), /Question \d+ of about \d+ · where and how long\nWhere does it hurt/);
    assert.match(s.text(), /Please answer with a number from 5 to 100/);
    // Red flags come before the location question.
    assert.ok(s.text().indexOf('red?') < s.text().indexOf('Where does it hurt'));
  });

  it('accepts option values and several locations', async () => {
    const s = streams();
    answerPiped(s, (q) =>
      /How old/.test(q)
        ? '45'
        : /Where does it hurt/.test(q)
          ? 'medial, posterior'
          : /\(y = yes/.test(q)
            ? 'n'
            : '?',
    );
    const answers = await runInteractiveAssessment({ input: s.input, output: s.output, isTTY: false });
    assert.deepEqual(answers.painLocation, ['medial', 'posterior']);
  });

  it('an empty line is no answer: the question is asked again, never taken as yes', async () => {
    const s = streams();
    let asked = 0;
    answerPiped(s, (q, attempt) => {
      if (/How old/.test(q)) return '40';
      if (/fall, twist/.test(q)) {
        asked = attempt + 1;
        return attempt === 0 ? '' : 'n';
      }
      return '?';
    });
    const answers = await runInteractiveAssessment({ input: s.input, output: s.output, isTTY: false });
    assert.equal(asked, 2, 'asked again after the empty line');
    assert.equal(answers.trauma, false);
    assert.match(s.text(), /Please answer with y = yes, n = no, \? = don't know/);
  });

  it('fails with ANSWER_INVALID naming age when input ends before the age', async () => {
    const s = streams();
    s.input.end('');
    await assert.rejects(
      runInteractiveAssessment({ input: s.input, output: s.output, isTTY: false }),
      (e: unknown) => e instanceof KneewiseError && e.code === 'ANSWER_INVALID' && e.details.key === 'age',
    );
  });
});

describe('runInteractiveAssessment (TTY, arrow keys)', () => {
  const DOWN = '\x1b[B';
  const ENTER = '\r';

  it('answers with typed numbers, arrows, Enter and shortcuts; Enter alone answers nothing', async () => {
    const s = streams();
    let enterAloneRefused = false;
    answerTty(s, (q, redraw) => {
      if (redraw !== '') {
        // The screen after Enter alone on the weight question: refused, then chosen with the arrows.
        if (/put your weight/.test(q) && /Choose an answer first/.test(redraw)) {
          enterAloneRefused = true;
          return [DOWN, ENTER];
        }
        return [];
      }
      if (/How old/.test(q)) return ['2', '8', ENTER];
      if (/fall, twist/.test(q)) return [DOWN, DOWN, ENTER]; // nothing highlighted, Yes, then No
      if (/put your weight/.test(q)) return [ENTER];
      if (/Where does it hurt/.test(q)) return [DOWN, DOWN, ' ', DOWN, DOWN, ' ', ENTER];
      if (/red\?|warm|fever|calf|stuck right now|at night/.test(q)) return ['n'];
      return ['?'];
    });
    const answers = await runInteractiveAssessment({ input: s.input, output: s.output, isTTY: true });
    assert.equal(answers.age, 28);
    assert.equal(answers.trauma, false);
    assert.ok(enterAloneRefused, 'Enter alone was refused');
    assert.equal(answers.canBearWeight, true);
    assert.equal(answers.fever, false);
    assert.deepEqual(answers.painLocation, ['inferior-patellar', 'medial']);
    assert.match(s.text(), /✔ Is the skin over the knee red\? No/);
  });

  it('Ctrl-C cancels', async () => {
    const s = streams();
    const run = runInteractiveAssessment({ input: s.input, output: s.output, isTTY: true });
    s.input.write('\x03');
    await assert.rejects(
      run,
      (e: unknown) => e instanceof KneewiseError && e.code === 'ASSESSMENT_CANCELLED',
    );
  });
});

describe('formatAssessment', () => {
  it('puts the urgency first, then what to do, conditions with reasons, the notice and when to get help', () => {
    const text = formatAssessment(
      assessKnee({
        age: 30,
        trauma: false,
        canBearWeight: true,
        redHotJoint: false,
        kneeWarm: false,
        kneeRed: false,
        fever: false,
        calfPain: false,
        calfSwelling: false,
        lockedNow: false,
        nightPain: false,
        painAtRest: false,
        painLocation: 'lateral',
        painStartsAfterKm: 5,
      }),
    );
    assert.match(text.split('\n')[0] ?? '', /^Self-care:/);
    assert.ok(text.indexOf('What to do now') < text.indexOf('What it most likely is'));
    assert.match(text, /Iliotibial band syndrome — (very likely|likely|possible), \d+ %/);
    assert.match(text, /education, not a diagnosis/);
    assert.match(text, /Get help from a doctor or physiotherapist if:/);
  });

  it('shows must-not-miss problems for red flags', () => {
    const text = formatAssessment(assessKnee({ age: 40, redHotJoint: true, fever: true }));
    assert.match(text.split('\n')[0] ?? '', /^Emergency:/);
    assert.match(text, /Joint infection \(septic arthritis\)/);
  });
});
