/**
 * The settings form as text fields: what is loaded becomes text in the runner's units, and what is typed
 * becomes a change holding only the fields that differ, checked against the same limits the server uses
 * (so most mistakes get a friendly message before a round trip; the server still has the last word).
 */
import { type RunnerSettings, SETTING_LIMITS } from '../../../src/domain/settings.ts';
import { type DistanceUnits, metresToUnits, unitsToMetres } from '../../../src/domain/units.ts';
import type { SettingsChange } from '../types/settings.ts';

// The form checks the server's own limits (SETTING_LIMITS): settings.ts loads no validation library (the
// checks live in settings-patch.ts, whose zod would probe `new Function`, a CSP violation in the page).

export type FieldName =
  | 'units'
  | 'weekStart'
  | 'sex'
  | 'birthYear'
  | 'restingHr'
  | 'maxHr'
  | 'timeZone'
  | 'shoeNudgeM'
  | 'shoeCheckM';

export type SettingsForm = Record<FieldName, string>;
export type FieldErrors = Partial<Record<FieldName, string>>;

/** Shoe distances as typed: whole units are what a runner thinks in (480 km, 300 mi). */
function distanceText(metres: number, units: DistanceUnits): string {
  const value = metresToUnits(metres, units);
  return String(Math.round(value * 10) / 10);
}

export function formOf(settings: RunnerSettings): SettingsForm {
  return {
    units: settings.units,
    weekStart: settings.weekStart,
    sex: settings.sex ?? '',
    birthYear: settings.birthYear === null ? '' : String(settings.birthYear),
    restingHr: settings.restingHr === null ? '' : String(settings.restingHr),
    maxHr: settings.maxHr === null ? '' : String(settings.maxHr),
    timeZone: settings.timeZone ?? '',
    shoeNudgeM: distanceText(settings.shoeNudgeM, settings.units),
    shoeCheckM: distanceText(settings.shoeCheckM, settings.units),
  };
}

/** Switching units in the form re-expresses the typed shoe distances, so "480 km" becomes "298.3 mi". */
export function withUnits(form: SettingsForm, units: DistanceUnits): SettingsForm {
  const from = form.units as DistanceUnits;
  if (from === units) return form;
  const convert = (text: string) => {
    const value = Number(text.replace(',', '.'));
    return text.trim() === '' || !Number.isFinite(value)
      ? text
      : distanceText(unitsToMetres(value, from), units);
  };
  return { ...form, units, shoeNudgeM: convert(form.shoeNudgeM), shoeCheckM: convert(form.shoeCheckM) };
}

function wholeNumber(
  text: string,
  limits: { min: number; max: number },
  what: string,
): { value: number | null } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { value: null };
  const value = Number(trimmed);
  if (!Number.isInteger(value)) return { error: `Enter ${what} as a whole number, or leave it empty.` };
  if (value < limits.min || value > limits.max) {
    return { error: `Enter ${what} from ${limits.min} to ${limits.max}.` };
  }
  return { value };
}

function distance(text: string, units: DistanceUnits): { value: number } | { error: string } {
  const value = Number(text.trim().replace(',', '.'));
  const maxInUnits = Math.floor(metresToUnits(SETTING_LIMITS.shoeDistanceM.max, units));
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0) {
    return { error: `Enter a distance in ${units} above 0.` };
  }
  if (value > maxInUnits) return { error: `Enter at most ${maxInUnits} ${units}.` };
  return { value: Math.round(unitsToMetres(value, units)) };
}

/** The change to send (only what differs from `loaded`), or the errors to show next to the fields. */
export function changeOf(
  form: SettingsForm,
  loaded: SettingsForm,
): { change: SettingsChange; errors: FieldErrors } {
  const change: SettingsChange = {};
  const errors: FieldErrors = {};
  const units = form.units as DistanceUnits;
  const differs = (f: FieldName) => form[f].trim() !== loaded[f].trim();

  if (form.units !== loaded.units) change.units = units;
  if (differs('weekStart')) change.weekStart = form.weekStart as RunnerSettings['weekStart'];
  if (differs('sex')) change.sex = form.sex === '' ? null : (form.sex as RunnerSettings['sex']);
  const numbers = [
    ['birthYear', SETTING_LIMITS.birthYear, 'the year'],
    ['restingHr', SETTING_LIMITS.restingHr, 'beats per minute'],
    ['maxHr', SETTING_LIMITS.maxHr, 'beats per minute'],
  ] as const;
  for (const [field, limits, what] of numbers) {
    if (!differs(field)) continue;
    const parsed = wholeNumber(form[field], limits, what);
    if ('error' in parsed) errors[field] = parsed.error;
    else change[field] = parsed.value;
  }
  if (differs('timeZone')) change.timeZone = form.timeZone.trim() === '' ? null : form.timeZone.trim();
  // A units switch alone re-expresses the shoe distances: only a real edit is sent.
  const shoeEdited = (f: 'shoeNudgeM' | 'shoeCheckM') =>
    form.units === loaded.units ? differs(f) : form[f].trim() !== withUnits(loaded, units)[f].trim();
  for (const field of ['shoeNudgeM', 'shoeCheckM'] as const) {
    if (!shoeEdited(field)) continue;
    const parsed = distance(form[field], units);
    if ('error' in parsed) errors[field] = parsed.error;
    else change[field] = parsed.value;
  }
  return { change, errors };
}

const FIELDS: readonly FieldName[] = [
  'units',
  'weekStart',
  'sex',
  'birthYear',
  'restingHr',
  'maxHr',
  'timeZone',
  'shoeNudgeM',
  'shoeCheckM',
];

function asField(path: string | undefined): FieldName | null {
  const name = (path ?? '').replace(/^body\.?/, '').split('.')[0] ?? '';
  return (FIELDS as readonly string[]).includes(name) ? (name as FieldName) : null;
}

/**
 * A refused change from the server, placed next to its field: "body.maxHr: expected …" → maxHr. Distances the
 * server names in metres are re-said in the runner's units.
 */
export function serverErrors(
  message: string,
  details: Record<string, unknown>,
  toUnits: (metres: number) => string,
): { fields: FieldErrors; general: string | null } {
  const fields: FieldErrors = {};
  const plain = (text: string) =>
    text.replace(/^[\w.]+: /, '').replace(/(\d+(?:\.\d+)?) m\b/g, (_, m: string) => toUnits(Number(m)));
  const issues = Array.isArray(details.issues)
    ? (details.issues as { path?: string; message?: string }[])
    : [];
  for (const issue of issues) {
    const field = asField(issue.path);
    if (field && issue.message && !fields[field]) fields[field] = plain(issue.message);
  }
  const main = asField(typeof details.field === 'string' ? details.field : undefined);
  if (main && !fields[main]) fields[main] = plain(message);
  return { fields, general: Object.keys(fields).length === 0 ? message : null };
}
