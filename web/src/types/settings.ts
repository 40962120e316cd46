/** GET/PUT /api/settings (RunnerSettings, shoe reminders in metres), DELETE /api/data and DELETE /api/demo. */
import type { RunnerSettings } from '../../../src/domain/settings.ts';

export type { RunnerSettings } from '../../../src/domain/settings.ts';

/** PUT /api/settings takes any subset; a field set to null clears it. */
export type SettingsChange = Partial<RunnerSettings>;

/** The error details of a refused change: the field that was wrong (zod: "body.maxHr"; rules: "maxHr"). */
export interface SettingsErrorDetails {
  field?: string;
  issues?: { path: string; message: string }[];
}

/** DELETE /api/data */
export interface DeleteAllResponse {
  deleted: Record<string, number>;
}

/** DELETE /api/demo */
export interface RemoveDemoResponse {
  removed: Record<string, number>;
}

/** The phrase DELETE /api/data requires, typed by the runner. */
export const DELETE_ALL_PHRASE = 'delete all my data';
