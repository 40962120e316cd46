/**
 * What the build writes into index.html for the boot script (web/src/boot/boot.ts), and what the boot script
 * hands the dashboard: the requests it started. Types and names only.
 */

/** The id of the `<script type="application/json">` in index.html that holds the BootPlan. */
export const BOOT_PLAN_ID = 'kneewise-boot-plan';

/** A lazily loaded screen's files, as the build named them (hashed). */
export interface BootRoute {
  /** Its JavaScript chunks: its own and every one it imports. */
  modules: readonly string[];
  styles: readonly string[];
  /** Chunks the screen imports on first use (Plot's charts, below its first chart): fetched, not run. */
  prefetch?: readonly string[];
}

export interface BootPlan {
  routes: Readonly<Record<string, BootRoute>>;
}

/** Left on `window` by the boot script: the responses it asked for by API path, and when it asked. */
export interface BootRequests {
  at: number;
  responses: Record<string, Promise<Response>>;
}

export const BOOT_REQUESTS_KEY = '__kneewiseBoot';
