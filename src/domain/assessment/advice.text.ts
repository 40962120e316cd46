/**
 * What to do now, in plain words, per urgency tier; the education-not-diagnosis notice; and for self-care
 * the point at which to get help (research/clinical.md §4.1–4.3, §5.1–5.2).
 */
import { PAIN_TEXT } from '../plans/pain-monitoring.ts';
import type { SourceId } from './sources.catalog.ts';
import type { MustNotMissId, Urgency } from './urgency.types.ts';

export const DISCLAIMER =
  'This is education, not a diagnosis. It cannot examine your knee. If you are worried, or things get worse, contact a doctor or physiotherapist — and in an emergency call your local emergency number.';

export const TIER_HEADLINE: Record<Urgency, string> = {
  emergency: 'Emergency: go to an emergency department now, or call the emergency number.',
  urgent:
    'Urgent: get your knee seen today (urgent care, a same-day doctor, or a fracture / acute knee clinic).',
  soon: 'Soon: see a doctor or physiotherapist within the next few days (at most about two weeks).',
  'self-care':
    'Self-care: this can usually be managed yourself with a structured plan — with a clear point to get help.',
};

export const NEXT_STEPS: Record<Urgency, readonly string[]> = {
  emergency: [
    'Go to an emergency department now or call the emergency number (999 / 112 / 911). Do not drive yourself.',
    'Do not run, and do not put weight on the leg if that hurts a lot.',
    'Do not eat or drink in case you need a procedure; bring a list of your medicines.',
  ],
  urgent: [
    'Get seen today: urgent care, a same-day doctor, or a fracture / acute knee clinic (in the UK: NHS 111).',
    'Stop running until you have been seen. Use crutches or limit walking if weight-bearing hurts.',
    'For swelling: rest the knee raised, and a cold pack wrapped in a cloth for up to 15 minutes at a time.',
    'If you get a fever, breathlessness, chest pain, a cold or numb foot, or cannot bear weight, go to an emergency department.',
  ],
  soon: [
    'Book a doctor or physiotherapist within the next few days (at most about two weeks).',
    'Until then, reduce running to what is comfortable — or pause it if the pain is sharp, at night, or on a bone.',
    'Keep moving in ways that do not hurt (walking, cycling or swimming if comfortable).',
    'Go sooner (same day) if the knee swells a lot, locks, gives way, turns red and hot, or you get a fever.',
  ],
  'self-care': [
    'Reduce the running that provokes the pain for a while, rather than stopping all activity.',
    `Use the pain-monitoring rule: ${PAIN_TEXT.rule}`,
    'Start the strengthening plan for your most likely condition 2–3 times a week; build running back gradually.',
    'For the first few days after a flare: protect, then load gradually (PEACE & LOVE); simple pain relief if needed.',
  ],
};

/** The self-care plan's stated point at which to get help. */
export const GET_HELP_WHEN: readonly string[] = [
  'No clear improvement after 2–3 weeks of sensible load reduction.',
  'The pain gets worse, keeps coming back, or stops you doing normal daily things.',
  'Any new red flag: the knee swells, locks, gives way, turns red and hot, you get a fever, you cannot bear weight, pain wakes you at night, or the calf swells or hurts.',
];

export const ADVICE_SOURCES: readonly SourceId[] = ['nhsKnee', 'uhmb', 'peaceLove', 'silbernagel2007'];

/** Plain names for the must-not-miss problems. */
export const MUST_NOT_MISS_NAMES: Record<MustNotMissId, string> = {
  septic_arthritis: 'Joint infection (septic arthritis)',
  septic_bursitis: 'Infected bursa (septic bursitis)',
  dvt: 'Blood clot in the leg (DVT)',
  pulmonary_embolism: 'Blood clot in the lungs (pulmonary embolism)',
  acute_fracture: 'Broken bone (fracture)',
  knee_dislocation: 'Knee dislocation',
  patellar_dislocation: 'Kneecap dislocation',
  extensor_mechanism_rupture: 'Torn thigh or kneecap tendon',
  locked_knee: 'Locked knee',
  scfe: 'Slipped hip growth plate (SCFE)',
  bone_tumour: 'Bone tumour',
  crystal_arthritis: 'Gout or pseudogout (crystal arthritis)',
  osteochondritis_dissecans: 'Osteochondritis dissecans (loose bone-cartilage fragment)',
};
