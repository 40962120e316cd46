/**
 * "Don't know" is not "no". When a red-flag screen question was not answered, the engine cannot rule that
 * danger out, so it refuses `self-care` and says which answer is missing. The list matches the screen the
 * questionnaire always asks (questionnaire.ts SCREEN steps without a condition).
 */
import type { AnswerKey } from './answer-keys.ts';
import type { Answers } from './answers.schema.ts';
import type { OttawaResult } from './ottawa.rule.ts';
import type { MustNotMissId } from './urgency.types.ts';

export interface ScreenGap {
  keys: AnswerKey[];
  /** What could not be ruled out. */
  concern: MustNotMissId | 'serious injury';
  reason: string;
}

const SCREEN: readonly { keys: AnswerKey[]; concern: ScreenGap['concern']; what: string }[] = [
  { keys: ['trauma'], concern: 'serious injury', what: 'whether an injury started it' },
  { keys: ['kneeWarm', 'redHotJoint'], concern: 'septic_arthritis', what: 'whether the knee feels warm' },
  {
    keys: ['kneeRed', 'redHotJoint'],
    concern: 'septic_arthritis',
    what: 'whether the skin over the knee is red',
  },
  { keys: ['fever', 'temperatureC'], concern: 'septic_arthritis', what: 'whether you have a fever' },
  { keys: ['calfSwelling'], concern: 'dvt', what: 'whether the calf is swollen' },
  { keys: ['calfPain'], concern: 'dvt', what: 'whether the calf hurts' },
  { keys: ['canBearWeight'], concern: 'serious injury', what: 'whether you can put weight on the leg' },
  { keys: ['lockedNow'], concern: 'locked_knee', what: 'whether the knee is stuck' },
  { keys: ['nightPain'], concern: 'bone_tumour', what: 'whether it hurts at night' },
  { keys: ['painAtRest'], concern: 'bone_tumour', what: 'whether the pain is there all the time' },
];

export function screenGaps(a: Partial<Answers>, ottawa: OttawaResult): ScreenGap[] {
  const gaps: ScreenGap[] = [];
  for (const s of SCREEN) {
    if (s.keys.every((k) => a[k] === undefined)) {
      gaps.push({
        keys: s.keys,
        concern: s.concern,
        reason: `You did not say ${s.what}, so we cannot rule out a problem that needs a doctor.`,
      });
    }
  }
  if (ottawa.applies && !ottawa.positive && ottawa.criteriaUnknown.length > 0) {
    gaps.push({
      keys: [
        'isolatedPatellarTenderness',
        'fibularHeadTenderness',
        'canFlex90',
        'couldWalk4StepsImmediately',
        'canWalk4StepsNow',
      ],
      concern: 'acute_fracture',
      reason: `After an injury we could not check: ${ottawa.criteriaUnknown.join('; ')} — so a fracture is not ruled out.`,
    });
  }
  return gaps;
}
