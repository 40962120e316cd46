/**
 * The question for every answer key, in our own words. The questionnaire picks from these; the CLI and the
 * web form render them. `kind` and the options come from the fixed answer vocabulary (answer-keys.ts).
 */
import { ANSWER_KEYS, type AnswerKey, type KeySpec } from './answer-keys.ts';

export interface Question {
  key: AnswerKey;
  text: string;
  help?: string;
  kind: 'boolean' | 'choice' | 'multi' | 'number';
  options?: { value: string; label: string }[];
  min?: number;
  max?: number;
}

type Text = { text: string; help?: string; labels?: Record<string, string> };

const TEXTS: Record<AnswerKey, Text> = {
  age: { text: 'How old are you (years)?' },
  sex: {
    text: 'What is your sex?',
    labels: { female: 'Female', male: 'Male', other: 'Other / prefer not to say' },
  },
  side: { text: 'Which knee hurts?', labels: { left: 'Left', right: 'Right', both: 'Both' } },
  painLocation: {
    text: 'Where does it hurt? (choose all that apply)',
    labels: {
      anterior: 'Around or behind the kneecap',
      'inferior-patellar': 'Just below the kneecap (tendon or bony bump)',
      lateral: 'Outer side of the knee',
      medial: 'Inner side of the knee',
      posterior: 'Behind the knee',
      diffuse: 'All over / hard to pin down',
    },
  },
  swellingLocation: {
    text: 'Where is the swelling?',
    labels: {
      'on-kneecap': 'A soft lump on the front of the kneecap',
      'below-kneecap': 'Just below the kneecap',
      'behind-knee': 'Behind the knee',
      'whole-joint': 'The whole knee is puffy',
    },
  },
  onset: {
    text: 'How did it start?',
    labels: { sudden: 'Suddenly, at one moment', gradual: 'Gradually, over days or weeks' },
  },
  trauma: { text: 'Did a fall, twist, collision or blow start it?' },
  popHeard: { text: 'Did you hear or feel a pop or snap when it happened?' },
  durationDays: { text: 'How many days ago did it start?' },
  improving: { text: 'Is it getting better?' },
  painStartsAfterKm: {
    text: 'Does the pain reliably start after a certain distance? Enter the km (0 if not).',
    help: 'For example, fine for the first 4 km, then it comes on.',
  },
  warmsUp: { text: 'Does it ease once you are warmed up, then come back afterwards?' },
  nightPain: { text: 'Does it hurt at night or wake you up?' },
  painAtRest: { text: 'Is the pain there all the time, even at rest, whatever you do?' },
  morningStiffnessMin: { text: 'After getting up, how many minutes is the knee stiff? (0 if not)' },
  stiffAfterSitting: { text: 'Is it stiff when you get up after sitting?' },
  stairsPain: { text: 'Do stairs hurt?' },
  sittingPain: { text: 'Does it ache when you sit a long time with the knee bent (cinema, car)?' },
  squattingPain: { text: 'Does squatting hurt?' },
  downhillPain: { text: 'Does running or walking downhill hurt more?' },
  jumpingPain: { text: 'Does jumping, bounding or sprinting hurt?' },
  hopPain: {
    text: 'Does hopping on that leg hurt?',
    help: 'Try a few small hops only if it is safe; stop if it hurts.',
  },
  kneelingPain: { text: 'Does kneeling hurt?' },
  crossLeggedPain: { text: 'Does sitting cross-legged hurt?' },
  hyperextensionPain: {
    text: 'Does it hurt when the knee is pushed fully straight or you stand with it locked back?',
  },
  prolongedStandingPain: { text: 'Does it hurt after standing a long time?' },
  twistingPain: { text: 'Does twisting or turning on the leg hurt?' },
  risingFromChairPain: { text: 'Does getting up from a chair hurt?' },
  locking: { text: 'Does the knee sometimes get stuck so you cannot straighten it for a moment?' },
  lockedNow: { text: 'Is the knee stuck right now, so you cannot straighten it?' },
  catching: { text: 'Does the knee catch?' },
  clicking: { text: 'Does the knee click?' },
  painfulClicking: { text: 'Is the clicking painful?' },
  crepitus: { text: 'Does it grind or crunch when it bends?' },
  givingWay: { text: 'Has the knee given way (buckled)?' },
  recurrentGivingWay: { text: 'Does it keep giving way, again and again?' },
  swelling: { text: 'Is the knee swollen?', labels: { none: 'No', mild: 'A little', severe: 'A lot' } },
  swellingOnsetHours: { text: 'About how many hours after the injury did the swelling appear?' },
  canBearWeight: { text: 'Can you stand and put your weight on that leg now?' },
  couldWalk4StepsImmediately: { text: 'Right after the injury, could you take 4 steps (limping is fine)?' },
  canWalk4StepsNow: { text: 'Can you take 4 steps now (limping is fine)?' },
  canFlex90: { text: 'Can you bend the knee to a right angle (90°), like sitting on a chair?' },
  isolatedPatellarTenderness: {
    text: 'Press on the kneecap: is the kneecap itself tender (and no other bone)?',
  },
  fibularHeadTenderness: { text: 'Press the bony bump on the outer side just below the knee: is it tender?' },
  jointLineTenderness: {
    text: 'Press along the gap between thigh and shin bone at the side: is one spot there tender?',
  },
  focalBoneTenderness: { text: 'Is there one spot on the bone itself that is very tender when pressed?' },
  fever: { text: 'Do you have a fever, chills or feel generally unwell?' },
  temperatureC: { text: 'If you measured it, what is your temperature (°C)?' },
  redHotJoint: { text: 'Is the knee red and hot to the touch?' },
  rednessSpreading: { text: 'Is redness spreading over the skin?' },
  skinBreak: { text: 'Is there a cut or graze on the knee?' },
  calfSwelling: { text: 'Is your calf swollen on that side?' },
  calfPain: { text: 'Does your calf hurt (throbbing or cramping, not from a workout)?' },
  recentLongTravel: { text: 'Have you recently had a long journey (flight, car, train) or been immobile?' },
  breathless: { text: 'Are you short of breath?' },
  chestPain: { text: 'Do you have chest pain?' },
  deformity: { text: 'Does the knee look out of shape?' },
  patellaDisplaced: { text: 'Did the kneecap slip out of place (even if it went back)?' },
  gapAbovePatella: { text: 'Can you feel a gap or dent just above the kneecap?' },
  canStraightLegRaise: { text: 'Lying on your back, can you lift the leg with the knee kept straight?' },
  canFullyStraighten: { text: 'Can you straighten the knee fully?' },
  footColdOrNumb: { text: 'Is the foot cold, pale or numb?' },
  numbness: { text: 'Do you have numbness or tingling in the leg?' },
  progressiveWeakness: { text: 'Is the leg getting weaker?' },
  backPain: { text: 'Do you have back pain?' },
  groinPain: { text: 'Do you have pain in the groin or hip?' },
  hipStiffness: { text: 'Is your hip stiff (for example, putting on socks is hard)?' },
  limp: { text: 'Are you limping?' },
  footTurnsOut: { text: 'When walking, does the foot turn outwards more than before?' },
  resistedKneeFlexionPain: {
    text: 'Does it hurt behind the knee when you bend it against resistance (e.g. a hamstring curl)?',
  },
  lumpBehindKnee: { text: 'Is there a lump behind the knee?' },
  boneSwelling: { text: 'Is there a swelling of the bone itself (not the joint)?' },
  ankleBruising: { text: 'Is there new bruising around the ankle?' },
  previousKneeInjury: { text: 'Have you injured this knee before?' },
  knownKneeOA: { text: 'Has a doctor told you that you have arthritis (osteoarthritis) in this knee?' },
  historyOfGout: { text: 'Have you had gout or pseudogout?' },
  hypermobile: { text: 'Are your joints very flexible (hypermobile)?' },
  growthSpurt: { text: 'Have you grown quickly recently (a growth spurt)?' },
  amenorrhoea: { text: 'Have your periods stopped or become irregular?' },
  noviceRunner: { text: 'Did you start running in the last year?' },
  overweight: { text: 'Are you carrying extra weight?' },
  kneeWarm: { text: 'Does the knee feel warm to the touch, compared with the other knee?' },
  kneeRed: { text: 'Is the skin over the knee red?' },
  otherJointsPainful: {
    text: 'Has another joint (ankle, foot, wrist, the other knee) become painful or swollen at about the same time?',
  },
  thighPain: { text: 'Do you also have pain in the thigh or the hip?' },
  painWalking: { text: 'Does ordinary walking hurt?' },
  weightLoss: {
    text: 'Have you lost weight without trying, had night sweats, or felt unwell for weeks?',
  },
  immunosuppressed: {
    text: 'Do you have diabetes, rheumatoid arthritis, take long-term steroids or other treatment that lowers your immunity?',
  },
  recentJointProcedure: {
    text: 'Have you had an injection or an operation on this knee in the last 3 months?',
  },
  previousClot: { text: 'Have you ever had a blood clot in a leg (DVT) or in the lungs?' },
  activeCancer: { text: 'Are you being treated for cancer, or were you in the last 6 months?' },
  recentSurgeryOrImmobile: {
    text: 'In the last 12 weeks, have you had an operation, a cast, or been in bed for 3 days or more?',
  },
  weeklyDistanceChangePct: {
    text: 'Before the pain, by what percentage did your weekly distance change? (0 if unchanged)',
  },
  longRunIncreasePct: {
    text: 'How much longer (in %) was your longest recent run than any other in the month before? (0 if not)',
  },
};

function build(key: AnswerKey): Question {
  const spec: KeySpec = ANSWER_KEYS[key];
  const t = TEXTS[key];
  const q: Question = { key, text: t.text, kind: spec.kind };
  if (t.help !== undefined) q.help = t.help;
  if (spec.kind === 'choice' || spec.kind === 'multi') {
    q.options = spec.values.map((value) => ({ value, label: t.labels?.[value] ?? value }));
  }
  if (spec.kind === 'number') {
    if (spec.min !== undefined) q.min = spec.min;
    if (spec.max !== undefined) q.max = spec.max;
  }
  return q;
}

export const QUESTIONS: Readonly<Record<AnswerKey, Question>> = Object.fromEntries(
  (Object.keys(TEXTS) as AnswerKey[]).map((k) => [k, build(k)]),
) as Record<AnswerKey, Question>;
