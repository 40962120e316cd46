/**
 * The dashboard's screens, in navigation order. Hash routes (`#/training`) keep the server a plain static
 * host and make every screen linkable.
 */
import type { FunctionComponent } from 'preact';
import { FIRST_REQUESTS, LANDING_ROUTE } from './first-requests.ts';
import { lazyScreen } from './lazy-screen.tsx';
import { TodayScreen } from './screens/today.screen.tsx';

export interface ScreenRoute {
  path: string;
  title: string;
  component: FunctionComponent;
  /** Starts fetching the screen's code (a no-op for the landing screen, which ships in the first bundle). */
  preload: () => Promise<unknown>;
  /** The API paths the screen reads first, fetched at boot when the page opens on this screen. */
  firstData?: readonly string[];
}

function lazyRoute(
  path: string,
  title: string,
  load: () => Promise<FunctionComponent>,
  firstData?: readonly string[],
): ScreenRoute {
  const lazy = lazyScreen(load, title.toLowerCase());
  return {
    path,
    title,
    component: lazy.component,
    preload: lazy.preload,
    ...(firstData ? { firstData } : {}),
  };
}

// Today is the landing screen: in the first bundle. Every other screen's code is fetched on first visit.
export const ROUTES: readonly ScreenRoute[] = [
  {
    path: LANDING_ROUTE,
    title: 'Today',
    component: TodayScreen,
    preload: () => Promise.resolve(),
    firstData: FIRST_REQUESTS[LANDING_ROUTE]!,
  },
  lazyRoute(
    'training',
    'Training',
    () => import('./screens/training.screen.tsx').then((m) => m.TrainingScreen),
    FIRST_REQUESTS.training,
  ),
  lazyRoute('knee-check', 'Knee check', () =>
    import('./screens/knee-check.screen.tsx').then((m) => m.KneeCheckScreen),
  ),
  lazyRoute('why', 'Why', () => import('./screens/why.screen.tsx').then((m) => m.WhyScreen)),
  lazyRoute('journal', 'Journal', () => import('./screens/journal.screen.tsx').then((m) => m.JournalScreen)),
  lazyRoute('shoes', 'Shoes', () => import('./screens/shoes.screen.tsx').then((m) => m.ShoesScreen)),
  lazyRoute('plans', 'Plans', () => import('./screens/plans.screen.tsx').then((m) => m.PlansScreen)),
  lazyRoute('report', 'Report', () => import('./screens/report.screen.tsx').then((m) => m.ReportScreen)),
  lazyRoute('settings', 'Settings', () =>
    import('./screens/settings.screen.tsx').then((m) => m.SettingsScreen),
  ),
];

/** The route part of `location.hash`: `#/journal?date=…` → `journal`. */
export { routeOf } from './first-requests.ts';

/** Query parameters after the route: `#/journal?date=2026-01-02`. */
export function routeParams(hash: string): URLSearchParams {
  const q = hash.indexOf('?');
  return new URLSearchParams(q === -1 ? '' : hash.slice(q + 1));
}
