/**
 * The runner's settings: display units, week start, heart-rate values and the home time zone used when an
 * activity carries no offset of its own.
 */
export interface RunnerSettings {
  units: 'km' | 'mi';
  weekStart: 'monday' | 'sunday';
  sex: 'female' | 'male' | 'other' | null;
  birthYear: number | null;
  restingHr: number | null;
  maxHr: number | null;
  /** IANA zone, e.g. "Europe/Copenhagen"; null = the computer's zone. */
  timeZone: string | null;
}

export const DEFAULT_SETTINGS: RunnerSettings = {
  units: 'km',
  weekStart: 'monday',
  sex: null,
  birthYear: null,
  restingHr: null,
  maxHr: null,
  timeZone: null,
};
