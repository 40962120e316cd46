/**
 * Knee-check answers shared by tests: the red-flag screen answered "no" throughout (spread into a story
 * with no warning signs), and a hot, swollen knee with a fever that the engine calls an emergency.
 */

/** Every red-flag question of the screen answered the way a person without warning signs answers it. */
export const SCREEN_ALL_CLEAR = {
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
  swelling: 'none',
};

/** A red, hot, badly swollen knee with a fever: the knee check answers "emergency". */
export const HOT_KNEE_EMERGENCY_ANSWERS = {
  age: 34,
  sex: 'female',
  painLocation: 'anterior',
  onset: 'sudden',
  durationDays: 2,
  improving: false,
  stairsPain: true,
  squattingPain: true,
  trauma: false,
  redHotJoint: true,
  kneeWarm: true,
  kneeRed: true,
  fever: true,
  calfSwelling: false,
  calfPain: false,
  lockedNow: false,
  canBearWeight: true,
  nightPain: true,
  painAtRest: true,
  swelling: 'severe',
};
