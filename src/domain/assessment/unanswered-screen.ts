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
  /** The unanswered question in a few words ("whether it hurts at night"). */
  what: string;
  /**
   * A follow-up question (asked after an injury, or about the lungs once the calf is involved): it keeps its
   * danger on the list but does not by itself refuse self-care, which the rest of the screen guards.
   */
  followUp?: boolean;
}

const injured = (a: Partial<Answers>) => a.trauma === true;
const calfInvolved = (a: Partial<Answers>) => a.calfPain === true || a.calfSwelling === true;

const SCREEN: readonly {
  keys: AnswerKey[];
  concern: ScreenGap['concern'];
  what: string;
  /** Asked only in this case (a follow-up); otherwise asked of everyone. */
  when?: (a: Partial<Answers>) => boolean;
}[] = [
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
  // After an injury the screen goes on (questionnaire.ts asks these of everyone injured).
  {
    keys: ['deformity', 'footColdOrNumb'],
    concern: 'knee_dislocation',
    what: 'whether the knee looked out of shape or the foot is cold or numb',
    when: injured,
  },
  {
    keys: ['patellaDisplaced'],
    concern: 'patellar_dislocation',
    what: 'whether the kneecap slipped out of place',
    when: injured,
  },
  {
    keys: ['canStraightLegRaise', 'gapAbovePatella'],
    concern: 'extensor_mechanism_rupture',
    what: 'whether you can lift the straight leg',
    when: injured,
  },
  // A painful or swollen calf: a clot may have reached the lungs until breathing and chest are asked about
  // (NICE NG158 assesses a clot in the lungs on those symptoms, not on the leg).
  {
    keys: ['breathless'],
    concern: 'pulmonary_embolism',
    what: 'whether you are short of breath',
    when: calfInvolved,
  },
  {
    keys: ['chestPain'],
    concern: 'pulmonary_embolism',
    what: 'whether you have chest pain',
    when: calfInvolved,
  },
];

export function screenGaps(a: Partial<Answers>, ottawa: OttawaResult): ScreenGap[] {
  const gaps: ScreenGap[] = [];
  for (const s of SCREEN) {
    if (s.when !== undefined && !s.when(a)) continue;
    if (s.keys.every((k) => a[k] === undefined)) {
      gaps.push({
        keys: s.keys,
        concern: s.concern,
        reason: `You did not say ${s.what}, so we cannot rule out a problem that needs a doctor.`,
        what: s.what,
        ...(s.when !== undefined ? { followUp: true } : {}),
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
      what: 'enough about the injury to apply the Ottawa knee rule',
      reason: `After an injury we could not check: ${ottawa.criteriaUnknown.join('; ')} — so a fracture is not ruled out.`,
    });
  }
  return gaps;
}

/**
 * The dangers a thin history leaves open, for the differential: what must be ruled out includes what nobody has
 * yet ruled out (issue 12: a thin history keeps the differential wide and says what it does not know). One entry
 * per danger, naming every unanswered question behind it. "A serious injury" is read as a fracture unless an
 * injury was denied; once the questionnaire's screen is answered there are no gaps and nothing is added.
 */
export function dangersLeftOpen(
  gaps: readonly ScreenGap[],
  a: Partial<Answers>,
): { id: MustNotMissId; reason: string }[] {
  const whats = new Map<MustNotMissId, string[]>();
  for (const g of gaps) {
    const id: MustNotMissId | null =
      g.concern !== 'serious injury' ? g.concern : a.trauma === false ? null : 'acute_fracture';
    if (id === null) continue;
    whats.set(id, [...(whats.get(id) ?? []), g.what]);
  }
  return [...whats].map(([id, what]) => ({ id, reason: `You did not say ${orList([...new Set(what)])}.` }));
}

/** "a", "a or b", "a, b or c". */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}
