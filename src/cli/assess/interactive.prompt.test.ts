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

/** Lines for: age, then the 9 screen questions "no"/"can bear weight", lateral pain, no swelling, … */
const PIPED = [
  'abc', // invalid age: re-asked
  '32',
  'n', // trauma
  'y', // can bear weight
  'n', // red hot
  'no', // fever
  'n', // calf pain
  'n', // calf swelling
  'n', // locked now
  'n', // night pain
  '?', // pain at rest: don't know
  '3', // location: option 3 = lateral
  'none', // swelling
  '14', // days
  'y', // improving
  'n', // groin
  'n', // numbness
];

describe('runInteractiveAssessment (piped)', () => {
  it('reads typed answers line by line, re-asks invalid ones, keeps "?" as unknown', async () => {
    const s = streams();
    s.input.end(`${PIPED.join('\n')}\n${'?\n'.repeat(20)}`);
    const answers = await runInteractiveAssessment({ input: s.input, output: s.output, isTTY: false });
    assert.equal(answers.age, 32);
    assert.equal(answers.trauma, false);
    assert.equal(answers.canBearWeight, true);
    assert.equal(answers.fever, false);
    assert.equal(answers.painLocation, 'lateral');
    assert.equal(answers.durationDays, 14);
    assert.equal('painAtRest' in answers, false, "don't know leaves the key out");
    assert.match(s.text(), /Please answer with a number from 5 to 100/);
    assert.match(s.text(), /Where does it hurt\?/);
    // Red flags come before the location question.
    assert.ok(s.text().indexOf('red and hot') < s.text().indexOf('Where does it hurt'));
  });

  it('accepts option values and several locations', async () => {
    const s = streams();
    const lines = ['45', 'n', 'y', 'n', 'n', 'n', 'n', 'n', 'n', 'n', 'medial, posterior'];
    s.input.end(`${lines.join('\n')}\n`);
    const answers = await runInteractiveAssessment({ input: s.input, output: s.output, isTTY: false });
    assert.deepEqual(answers.painLocation, ['medial', 'posterior']);
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
  it('answers with typed numbers, arrows, Enter and shortcuts', async () => {
    const s = streams();
    const run = runInteractiveAssessment({ input: s.input, output: s.output, isTTY: true });
    const DOWN = '\x1b[B';
    const ENTER = '\r';
    const keys = [
      '2',
      '8',
      ENTER, // age 28
      DOWN,
      ENTER, // trauma: No (second option)
      ENTER, // can bear weight: Yes (first option)
      'n',
      'n',
      'n',
      'n',
      'n',
      'n', // red hot, fever, calf pain, calf swelling, locked, night pain
      '?', // pain at rest: don't know
      DOWN,
      ' ',
      DOWN,
      DOWN,
      ' ',
      ENTER, // locations: inferior-patellar + medial... (cursor 1 then 3)
    ];
    for (const k of keys) s.input.write(k);
    // Keys typed ahead are queued, so "don't know" to everything that follows can be sent at once.
    s.input.write('?'.repeat(100));
    const answers = await run;
    assert.equal(answers.age, 28);
    assert.equal(answers.trauma, false);
    assert.equal(answers.canBearWeight, true);
    assert.equal(answers.nightPain, false);
    assert.equal('painAtRest' in answers, false);
    assert.deepEqual(answers.painLocation, ['inferior-patellar', 'medial']);
    assert.match(s.text(), /✔ Is the knee red and hot to the touch\? No/);
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
    assert.match(text, /Iliotibial band syndrome — \d+ %/);
    assert.match(text, /education, not a diagnosis/);
    assert.match(text, /Get help from a doctor or physiotherapist if:/);
  });

  it('shows must-not-miss problems for red flags', () => {
    const text = formatAssessment(assessKnee({ age: 40, redHotJoint: true, fever: true }));
    assert.match(text.split('\n')[0] ?? '', /^Emergency:/);
    assert.match(text, /Joint infection \(septic arthritis\)/);
  });
});
