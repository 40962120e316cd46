/**
 * The boot script: a classic script early in index.html's <head>, run as soon as it arrives, while the
 * dashboard's own code is still on its way. For the screen in the address bar it asks for the screen's first
 * data and preloads the screen's code and styles, so the three travel side by side instead of one after the
 * other (page → code → data). The dashboard claims the answers (api.ts) instead of asking again. Code the
 * screen loads on first use (Plot's charts, below Training's hand-drawn first chart) is prefetched: fetched
 * into the cache at low priority, not compiled or run, so it is local when asked for without costing the
 * first chart anything.
 *
 * Built by web/build/boot-plugin.ts into one small file. Server mode (the page marked by the server) does
 * nothing here: its screens are fetched by its own code after sign-in.
 */
import { FIRST_REQUESTS, LANDING_ROUTE, routeOf, SHELL_REQUEST } from '../first-requests.ts';
import { BOOT_PLAN_ID, BOOT_REQUESTS_KEY, type BootPlan, type BootRequests } from './boot-plan.ts';

function readPlan(): BootPlan {
  try {
    return JSON.parse(document.getElementById(BOOT_PLAN_ID)?.textContent ?? '') as BootPlan;
  } catch {
    // No plan (a page built without it): the data is still asked for, the code loads as it would anyway.
    return { routes: {} };
  }
}

function addLink(rel: string, href: string): void {
  const link = document.createElement('link');
  link.rel = rel;
  link.href = href;
  if (rel === 'modulepreload' || rel === 'prefetch') link.crossOrigin = '';
  document.head.appendChild(link);
}

function boot(): void {
  if (document.querySelector('meta[name="kneewise-mode"][content="server"]')) return;
  // An unknown route with a hash opens Today without asking for Today's data (as the dashboard itself does).
  const route = routeOf(location.hash) || (location.hash ? '' : LANDING_ROUTE);
  const responses: Record<string, Promise<Response>> = {};
  for (const path of [SHELL_REQUEST, ...(FIRST_REQUESTS[route] ?? [])]) {
    const response = fetch(`/api${path}`);
    // Unclaimed failures stay quiet; the screen that claims one shows the error.
    response.catch(() => {});
    responses[path] = response;
  }
  const handoff: BootRequests = { at: Date.now(), responses };
  Object.assign(window, { [BOOT_REQUESTS_KEY]: handoff });
  const files = readPlan().routes[route];
  for (const href of files?.modules ?? []) addLink('modulepreload', href);
  for (const href of files?.styles ?? []) addLink('stylesheet', href);
  for (const href of files?.prefetch ?? []) addLink('prefetch', href);
}

boot();
