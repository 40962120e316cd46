/**
 * The API paths each screen reads first: started at boot when the page opens on that screen (by the boot
 * script, before the dashboard's code has arrived), so the data travels while the code loads. Plain data
 * with no screen code, because the build reads it too (web/build/boot-plugin.ts).
 */
import { DEFAULT_TRAINING_RANGE, trainingLoadPath } from './charts/training-ranges.ts';

/** The screen a page without a hash opens on. */
export const LANDING_ROUTE = 'today';

/** Every screen reads the overview (counts, settings, demo state) before anything else. */
export const SHELL_REQUEST = '/overview';

export const FIRST_REQUESTS: Readonly<Record<string, readonly string[]>> = {
  today: ['/today'],
  // The charts' report for the range first shown, and Today's answer for the next-run card.
  training: [trainingLoadPath(DEFAULT_TRAINING_RANGE), '/today'],
};

/** The screen an address opens on: the hash's route, Today for no hash (`#/journal?date=…` → `journal`). */
export function routeOf(hash: string): string {
  return hash.replace(/^#\/?/, '').split(/[?/]/)[0] ?? '';
}
