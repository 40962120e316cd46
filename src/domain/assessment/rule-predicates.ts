/**
 * Small named predicates shared by the urgency decision table, so each rule reads like its guideline
 * ("a child of 9–16 with a limp") and the boundary of every age or time window is written once.
 */
import { painLocations } from './answers.schema.ts';
import type { RuleContext } from './urgency.types.ts';

/** Slipped upper femoral epiphysis presents at 9–16 (BOA/BSCOS; Peck 2017). */
export const scfeAge = ({ a }: RuleContext) => a.age !== undefined && a.age >= 9 && a.age <= 16;
/** Children and adolescents, for the paediatric fracture patterns (sleeve fracture, Pittsburgh < 12). */
export const child = ({ a }: RuleContext) => a.age !== undefined && a.age <= 16;
/** "Children and young people" in NICE NG12 (to 24). */
export const youngPerson = ({ a }: RuleContext) => a.age !== undefined && a.age <= 24;
/** Juvenile and young-adult osteochondritis dissecans (Kocher 2006). */
export const ocdAge = ({ a }: RuleContext) => a.age !== undefined && a.age >= 10 && a.age <= 20;

/**
 * An injury is "acute" for the injury rules (Ottawa, Pittsburgh, haemarthrosis, instability) within two
 * weeks; an unknown time counts as acute, because a missing answer must not switch a red flag off.
 */
export const acuteInjury = ({ a }: RuleContext) =>
  a.trauma === true && (a.durationDays === undefined || a.durationDays <= 14);

export const warm = ({ f }: RuleContext) => f.warm === true;
export const red = ({ f }: RuleContext) => f.red === true;
export const swollen = ({ f }: RuleContext) => f.swellingAny === true;
export const calf = ({ a }: RuleContext) => a.calfSwelling === true || a.calfPain === true;
/**
 * A calf that hurts or swells as a clot would. Wells scores an alternative diagnosis at least as likely as a
 * clot against it (Wells 2003, used by NICE NG158): a calf that hurts without swelling, together with back
 * pain and numbness, is a trapped nerve's pain (sciatica); one that has ached for four weeks or more, built up
 * gradually and never swelled, is not how a clot behaves, nor are both calves aching gradually together
 * without swelling (a clot in both legs at once is rare; both calves aching with exercise is a muscle
 * compartment or an artery squeezed behind the knee). A swollen calf is always a possible clot.
 */
export const clotLikeCalf = (ctx: RuleContext) => {
  const { a } = ctx;
  if (a.calfSwelling === true) return true;
  if (a.calfPain !== true) return false;
  const nerve = a.backPain === true && a.numbness === true;
  const longAche = a.onset === 'gradual' && a.durationDays !== undefined && a.durationDays >= 28;
  const bothCalvesAche = a.onset === 'gradual' && a.side === 'both';
  return !nerve && !longAche && !bothCalvesAche;
};
export const bursaSwelling = ({ f }: RuleContext) =>
  f.swellOnKneecap === true || f.swellBelowKneecap === true;
/** A swelling of the joint itself (not a bursa or a cyst): whole-joint, or where not said. */
export const jointSwelling = (ctx: RuleContext) =>
  swollen(ctx) &&
  ctx.a.lumpBehindKnee !== true &&
  (ctx.a.swellingLocation === undefined || ctx.a.swellingLocation === 'whole-joint');

/**
 * Risk factors for a septic joint with published likelihood ratios (Margaretten 2007): age over 80,
 * diabetes / rheumatoid arthritis / immune-lowering treatment, recent joint surgery or injection; and cancer
 * under treatment, which NICE NG51 counts among the immunocompromised.
 */
export const septicRisk = ({ a }: RuleContext) =>
  a.immunosuppressed === true ||
  a.recentJointProcedure === true ||
  (a.age !== undefined && a.age >= 80) ||
  a.activeCancer === true;

/** Wells-type clot risk factors (NICE NG158): previous clot, active cancer, surgery or immobility, travel. */
export const clotRisk = ({ a }: RuleContext) =>
  a.previousClot === true ||
  a.activeCancer === true ||
  a.recentSurgeryOrImmobile === true ||
  a.recentLongTravel === true;

export const hipSigns = ({ a }: RuleContext) =>
  a.limp === true ||
  a.thighPain === true ||
  a.groinPain === true ||
  a.hipStiffness === true ||
  a.footTurnsOut === true;

/**
 * A typical overuse pattern (activity-provoked pain), which makes knee pain "explained" for NG12: pain that
 * a movement brings on (stairs, squatting, pivoting, getting up from a chair) has a mechanical cause.
 */
export const overusePattern = ({ a, f }: RuleContext) =>
  a.stairsPain === true ||
  a.twistingPain === true ||
  a.risingFromChairPain === true ||
  a.squattingPain === true ||
  a.sittingPain === true ||
  a.jumpingPain === true ||
  a.downhillPain === true ||
  a.kneelingPain === true ||
  a.warmsUp === true ||
  f.distanceTriggered === true;

export const locatedAt = ({ a }: RuleContext, ...where: string[]) =>
  painLocations(a).some((l) => where.includes(l));

export const recentOnset = ({ a }: RuleContext) =>
  a.onset === 'sudden' || (a.onset !== 'gradual' && a.durationDays !== undefined && a.durationDays <= 14);
