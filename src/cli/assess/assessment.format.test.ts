import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Answers } from '../../domain/assessment/answers.schema.ts';
import { assessKnee } from '../../domain/assessment/assess.engine.ts';
import { formatAssessment } from './assessment.format.ts';

/** The lines of the "Not ruled out yet" section, up to the blank line after it. */
function notRuledOut(text: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf('Not ruled out yet (not answered):');
  if (start < 0) return [];
  const end = lines.indexOf('', start);
  return lines.slice(start + 1, end);
}

describe('formatAssessment', () => {
  it('names each danger a thin account leaves open once, with the questions that would settle it', () => {
    const thin = { age: 41, sex: 'female', painLocation: 'anterior', onset: 'gradual', stairsPain: true };
    const section = notRuledOut(formatAssessment(assessKnee(thin as Answers)));
    assert.deepEqual(
      section.map((l) => l.split(':')[0]),
      [
        '  ? Broken bone (fracture)',
        '  ? Joint infection (septic arthritis)',
        '  ? Blood clot in the leg (DVT)',
        '  ? Locked knee',
        '  ? Bone tumour',
      ],
      section.join('\n'),
    );
    assert.match(section[4]!, /whether it hurts at night or whether the pain is there all the time/);
  });

  it('lists an unanswered question no open danger names on its own line', () => {
    // An injury raises the fracture as a danger already; the weight-bearing question is still unanswered.
    const injured = { age: 30, trauma: true, onset: 'sudden', durationDays: 3 };
    const section = notRuledOut(formatAssessment(assessKnee(injured as Answers)));
    assert.ok(
      section.some((l) => /whether you can put weight on the leg/.test(l)),
      section.join('\n'),
    );
  });

  it('has no such section once the screen is answered', () => {
    const screened = {
      age: 41,
      trauma: false,
      kneeWarm: false,
      kneeRed: false,
      fever: false,
      calfPain: false,
      calfSwelling: false,
      canBearWeight: true,
      lockedNow: false,
      nightPain: false,
      painAtRest: false,
    };
    assert.deepEqual(notRuledOut(formatAssessment(assessKnee(screened as Answers))), []);
  });
});
