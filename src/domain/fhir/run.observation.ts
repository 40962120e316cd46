/**
 * One activity → one Observation, shaped after the HL7 Physical Activity IG's activity measures: the code is
 * "Exercise activity" (LOINC 73985-4) valued with what was done (running, walking...), and the measures of
 * that one session ride along as components (duration, distance, heart rate, energy). Measures without a
 * standard code (elevation, cadence, elapsed time) are components named in words with UCUM units.
 */
import type { CodeableConcept, Observation, ObservationComponent } from 'fhir/r4.js';
import type { Sport } from '../activity/sport.ts';
import { type Code, EXERCISE_ACTIVITY, LOINC, OBSERVATION_CATEGORY, UCUM } from './fhir-codes.ts';
import type { FhirRun } from './fhir-export.input.ts';
import { concept, dateTimeAt, demoMeta, type FhirIds, quantity, rounded } from './fhir-values.ts';

const SPORT_NAMES: Record<Sport, string> = {
  run: 'Run',
  trail_run: 'Trail run',
  treadmill_run: 'Treadmill run',
  track_run: 'Track run',
  walk: 'Walk',
  hike: 'Hike',
  ride: 'Ride',
  swim: 'Swim',
  other: 'Other activity',
};

/** The 73985-4 answer for each sport; `other` has none and is said in words only. */
const SPORT_CODES: Record<Sport, Code | null> = {
  run: EXERCISE_ACTIVITY.running,
  trail_run: EXERCISE_ACTIVITY.running,
  treadmill_run: EXERCISE_ACTIVITY.running,
  track_run: EXERCISE_ACTIVITY.running,
  walk: EXERCISE_ACTIVITY.walking,
  hike: EXERCISE_ACTIVITY.walking,
  ride: EXERCISE_ACTIVITY.bicycling,
  swim: EXERCISE_ACTIVITY.swimming,
  other: null,
};

export function sportConcept(sport: Sport, rawSport: string): CodeableConcept {
  const text = SPORT_NAMES[sport] + (rawSport !== '' && rawSport !== sport ? ` (${rawSport})` : '');
  const code = SPORT_CODES[sport];
  return code === null ? { text } : concept(code, text);
}

function coded(code: Code, value: number, unit: { unit: string; code: string }): ObservationComponent {
  return { code: concept(code), valueQuantity: quantity(value, unit) };
}

function inWords(text: string, value: number, unit: { unit: string; code: string }): ObservationComponent {
  return { code: { text }, valueQuantity: quantity(value, unit) };
}

export function runObservation(run: FhirRun, patientId: string, ids: FhirIds): Observation {
  const components: ObservationComponent[] = [
    coded(LOINC.exerciseDuration, rounded(run.movingTimeS / 60, 3), UCUM.minute),
    coded(LOINC.walkingDistance, rounded(run.distanceM, 1), UCUM.metre),
    inWords('Elapsed time', rounded(run.elapsedTimeS, 1), UCUM.second),
  ];
  if (run.avgHeartRate !== null)
    components.push(coded(LOINC.heartRateMean, rounded(run.avgHeartRate, 1), UCUM.perMinute));
  if (run.maxHeartRate !== null)
    components.push(coded(LOINC.heartRateMax, rounded(run.maxHeartRate, 1), UCUM.perMinute));
  if (run.calories !== null)
    components.push(coded(LOINC.caloriesBurned, rounded(run.calories, 1), UCUM.kilocalorie));
  if (run.ascentM !== null) components.push(inWords('Elevation gain', rounded(run.ascentM, 1), UCUM.metre));
  if (run.descentM !== null) components.push(inWords('Elevation loss', rounded(run.descentM, 1), UCUM.metre));
  if (run.avgCadenceSpm !== null)
    components.push(
      inWords('Average cadence (steps per minute)', rounded(run.avgCadenceSpm, 1), UCUM.perMinute),
    );

  const notes = [run.name, run.description, run.excluded ? 'Left out of the analysis by the runner.' : null]
    .filter((n): n is string => n !== null && n.trim() !== '')
    .map((text) => ({ text }));
  const patient = ids.reference(patientId);
  return {
    resourceType: 'Observation',
    id: ids.uuid(run.id),
    ...demoMeta(run.isDemo),
    identifier: ids.identifiers(run.id),
    status: 'final',
    category: [concept(OBSERVATION_CATEGORY.activity)],
    code: concept(LOINC.exerciseActivity),
    subject: patient,
    effectiveDateTime: dateTimeAt(run.startAt, run.utcOffsetS),
    performer: [patient],
    valueCodeableConcept: sportConcept(run.sport, run.rawSport),
    component: components,
    ...(notes.length > 0 ? { note: notes } : {}),
  };
}
