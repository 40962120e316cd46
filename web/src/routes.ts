/**
 * The dashboard's screens, in navigation order. Hash routes (`#/training`) keep the server a plain static
 * host and make every screen linkable.
 */
import type { FunctionComponent } from 'preact';
import { JournalScreen } from './screens/journal.screen.tsx';
import { KneeCheckScreen } from './screens/knee-check.screen.tsx';
import { PlansScreen } from './screens/plans.screen.tsx';
import { ReportScreen } from './screens/report.screen.tsx';
import { SettingsScreen } from './screens/settings.screen.tsx';
import { ShoesScreen } from './screens/shoes.screen.tsx';
import { TodayScreen } from './screens/today.screen.tsx';
import { TrainingScreen } from './screens/training.screen.tsx';
import { WhyScreen } from './screens/why.screen.tsx';

export interface ScreenRoute {
  path: string;
  title: string;
  component: FunctionComponent;
}

export const ROUTES: readonly ScreenRoute[] = [
  { path: 'today', title: 'Today', component: TodayScreen },
  { path: 'training', title: 'Training', component: TrainingScreen },
  { path: 'knee-check', title: 'Knee check', component: KneeCheckScreen },
  { path: 'why', title: 'Why', component: WhyScreen },
  { path: 'journal', title: 'Journal', component: JournalScreen },
  { path: 'shoes', title: 'Shoes', component: ShoesScreen },
  { path: 'plans', title: 'Plans', component: PlansScreen },
  { path: 'report', title: 'Report', component: ReportScreen },
  { path: 'settings', title: 'Settings', component: SettingsScreen },
];

/** The route part of `location.hash`: `#/journal?date=…` → `journal`. */
export function routeOf(hash: string): string {
  return hash.replace(/^#\/?/, '').split(/[?/]/)[0] ?? '';
}

/** Query parameters after the route: `#/journal?date=2026-01-02`. */
export function routeParams(hash: string): URLSearchParams {
  const q = hash.indexOf('?');
  return new URLSearchParams(q === -1 ? '' : hash.slice(q + 1));
}
