/**
 * "See a clinician within days" rules (research/clinical.md §4.1 soon row and the self-care re-escalation
 * rules): problems that are not emergencies but should not be self-managed.
 */
import type { RuleContext, UrgencyRule } from './urgency.types.ts';

const young = ({ a }: RuleContext) => a.age !== undefined && a.age < 25;

export const SOON_RULES: readonly UrgencyRule[] = [
  {
    id: 'bone-stress-signs',
    tier: 'soon',
    mustNotMiss: [],
    keys: ['focalBoneTenderness', 'hopPain', 'trauma'],
    test: ({ a }) => a.trauma !== true && (a.focalBoneTenderness === true || a.hopPain === true),
    reason:
      'A tender spot on the bone or pain on hopping can be a bone stress injury: stop running until it is examined.',
    sources: ['bsi'],
  },
  {
    id: 'night-or-rest-pain',
    tier: 'soon',
    mustNotMiss: (ctx) =>
      young(ctx) || ctx.a.boneSwelling === true || (ctx.a.nightPain === true && ctx.a.painAtRest === true)
        ? ['bone_tumour']
        : [],
    keys: ['nightPain', 'painAtRest', 'age'],
    test: ({ a }) => a.nightPain === true || a.painAtRest === true,
    reason:
      'Pain at night or constant pain that does not depend on activity is not typical of running overuse and should be examined (in young people an X-ray within days).',
    sources: ['glos', 'bmjTumour', 'nhsGgc'],
  },
  {
    id: 'bone-swelling',
    tier: 'soon',
    mustNotMiss: ['bone_tumour'],
    keys: ['boneSwelling'],
    test: ({ a }) => a.boneSwelling === true,
    reason: 'A swelling of the bone itself should be examined and usually X-rayed.',
    sources: ['bmjTumour', 'nhsGgc'],
  },
  {
    id: 'young-mechanical',
    tier: 'soon',
    mustNotMiss: ['osteochondritis_dissecans'],
    keys: ['age', 'locking', 'catching', 'trauma'],
    test: ({ a }) =>
      a.age !== undefined &&
      a.age >= 10 &&
      a.age <= 20 &&
      a.trauma !== true &&
      (a.locking === true || a.catching === true),
    reason:
      'Catching or locking in a young runner without an injury can come from a loose piece of bone and cartilage (osteochondritis dissecans).',
    sources: ['glos'],
  },
  {
    id: 'mechanical-symptoms',
    tier: 'soon',
    mustNotMiss: [],
    keys: ['locking', 'catching', 'painfulClicking', 'swelling', 'age', 'recurrentGivingWay', 'givingWay'],
    test: ({ a, f }) =>
      a.locking === true ||
      a.recurrentGivingWay === true ||
      (a.givingWay === true && a.trauma !== true) ||
      ((a.catching === true || a.painfulClicking === true) && (f.swellingAny === true || (a.age ?? 0) >= 40)),
    reason:
      'Locking, giving way, or catching with swelling point to a meniscus or ligament problem that needs examining.',
    sources: ['glos', 'nhsKnee'],
  },
  {
    id: 'injury-needs-review',
    tier: 'soon',
    mustNotMiss: [],
    keys: ['trauma', 'popHeard', 'jointLineTenderness', 'catching', 'givingWay'],
    test: ({ a }) =>
      a.trauma === true && (a.popHeard === true || a.jointLineTenderness === true || a.catching === true),
    reason:
      'A pop, joint-line tenderness or catching after an injury suggests a ligament or meniscus injury; have it examined within days.',
    sources: ['glos'],
  },
  {
    id: 'hip-or-spine',
    tier: 'soon',
    mustNotMiss: [],
    keys: ['groinPain', 'hipStiffness', 'numbness', 'backPain', 'limp'],
    test: ({ a }) =>
      a.groinPain === true ||
      a.hipStiffness === true ||
      a.numbness === true ||
      (a.backPain === true && a.limp === true),
    reason:
      'Groin pain, a stiff hip or numbness suggest the pain may come from the hip or the back; the knee alone will not explain it.',
    sources: ['khan2004', 'lumbarReferral'],
  },
  {
    id: 'long-morning-stiffness',
    tier: 'soon',
    mustNotMiss: [],
    keys: ['morningStiffnessMin'],
    test: ({ f }) => f.morningStiffLong === true,
    reason:
      'Morning stiffness longer than 30 minutes can mean an inflammatory arthritis rather than wear or overuse.',
    sources: ['nice226'],
  },
  {
    id: 'lump-behind-knee',
    tier: 'soon',
    mustNotMiss: [],
    keys: ['lumpBehindKnee'],
    test: ({ a }) => a.lumpBehindKnee === true,
    reason: 'A new lump behind the knee should be examined to confirm what it is.',
    sources: ['bakersCyst', 'nhsGgc'],
  },
  {
    id: 'not-improving',
    tier: 'soon',
    mustNotMiss: [],
    keys: ['improving', 'durationDays'],
    // An unknown duration is not taken as "short".
    test: ({ a }) => a.improving === false && (a.durationDays === undefined || a.durationDays >= 21),
    reason:
      'The pain is not getting better after three weeks or more (or for an unknown time): time for a clinician to look at it.',
    sources: ['uhmb', 'nhsKnee'],
  },
];
