/**
 * The code systems and codes the FHIR R4 export uses, each from a published terminology (no home-made system
 * URLs). Where no standard code exists for a measure (elevation gain, cadence, the knee check's own answers),
 * the export says it in words (`CodeableConcept.text`) or as a questionnaire item, never with an invented code.
 *
 * Sources:
 * - LOINC physical-activity codes (73985-4 and its answer list, 55411-3, 55424-6, 55425-3, 55426-1): HL7 US
 *   Physical Activity IG 1.0.0 (STU1, FHIR R4), value set pa-observation-code-activity and its examples,
 *   https://hl7.org/fhir/us/physical-activity/
 * - 55430-3 for a walking or running distance: the mapping of HealthKit's walking+running distance in
 *   Stanford's HealthKitOnFHIR (LOINC 55430-3 "Walking distance unspecified time Pedometer").
 * - 72514-3 pain severity 0–10: LOINC, https://loinc.org/72514-3/
 * - 34133-9 "Summary of episode note": LOINC document ontology, https://loinc.org/34133-9/
 * - SNOMED CT knee regions 72696002, 82169009 (left), 6757004 (right): SNOMED CT International body structures.
 * - Observation categories, data-absent reasons and HTEST ("test health data", the security label FHIR's own
 *   examples carry): HL7 terminology (THO), terminology.hl7.org.
 */

export const SYSTEMS = {
  loinc: 'http://loinc.org',
  ucum: 'http://unitsofmeasure.org',
  snomed: 'http://snomed.info/sct',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  dataAbsentReason: 'http://terminology.hl7.org/CodeSystem/data-absent-reason',
  actReason: 'http://terminology.hl7.org/CodeSystem/v3-ActReason',
  /** RFC 3986 URIs: the identifier system for ids written as `urn:uuid:…`. */
  uri: 'urn:ietf:rfc:3986',
} as const;

export interface Code {
  system: string;
  code: string;
  display: string;
}

const loinc = (code: string, display: string): Code => ({ system: SYSTEMS.loinc, code, display });
const snomed = (code: string, display: string): Code => ({ system: SYSTEMS.snomed, code, display });

export const LOINC = {
  exerciseActivity: loinc('73985-4', 'Exercise activity'),
  exerciseDuration: loinc('55411-3', 'Exercise duration'),
  walkingDistance: loinc('55430-3', 'Walking distance unspecified time Pedometer'),
  heartRateMean: loinc('55425-3', 'Heart rate unspecified time mean by Pedometer'),
  heartRateMax: loinc('55426-1', 'Heart rate unspecified time maximum by Pedometer'),
  caloriesBurned: loinc('55424-6', 'Calories burned in unspecified time Pedometer'),
  painSeverity: loinc('72514-3', 'Pain severity - 0-10 verbal numeric rating [Score] - Reported'),
  episodeSummary: loinc('34133-9', 'Summary of episode note'),
} as const;

/** The answer list of 73985-4 "Exercise activity" (LOINC LA codes). */
export const EXERCISE_ACTIVITY = {
  walking: loinc('LA11834-1', 'Walking'),
  running: loinc('LA11836-6', 'Running'),
  bicycling: loinc('LA11837-4', 'Bicycling'),
  swimming: loinc('LA11838-2', 'Swimming'),
} as const;

export const SNOMED = {
  knee: snomed('72696002', 'Knee region structure'),
  leftKnee: snomed('82169009', 'Structure of left knee region'),
  rightKnee: snomed('6757004', 'Structure of right knee region'),
} as const;

export const OBSERVATION_CATEGORY = {
  activity: { system: SYSTEMS.observationCategory, code: 'activity', display: 'Activity' },
  survey: { system: SYSTEMS.observationCategory, code: 'survey', display: 'Survey' },
} as const satisfies Record<string, Code>;

/** Marks the demo runner's made-up rows, so software that imports the Bundle can tell them from real data. */
export const TEST_DATA: Code = { system: SYSTEMS.actReason, code: 'HTEST', display: 'test health data' };

export const DATA_ABSENT = {
  unknown: { system: SYSTEMS.dataAbsentReason, code: 'unknown', display: 'Unknown' },
} as const satisfies Record<string, Code>;

/** UCUM units as FHIR Quantities write them: `unit` for people, `code` for machines. */
export const UCUM = {
  metre: { unit: 'm', code: 'm' },
  minute: { unit: 'min', code: 'min' },
  second: { unit: 's', code: 's' },
  perMinute: { unit: '/min', code: '/min' },
  kilocalorie: { unit: 'kcal', code: 'kcal' },
  score: { unit: 'score', code: '{score}' },
} as const;
