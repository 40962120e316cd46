/**
 * What each athlete route of the dashboard API needs, so one access check covers every request. A route
 * that shows several kinds of data needs every one of them (Today shows runs and pain); a route that changes
 * the account itself (settings, export, delete everything) is the athlete's alone; a route not listed here
 * is refused, so a new route is closed until someone decides who may use it.
 */
import type { Action, Category } from './roles.ts';

export type RouteAccess =
  | { kind: 'categories'; categories: readonly Category[]; action: Action }
  | { kind: 'athlete-only' }
  | { kind: 'unknown' };

const READ_CATEGORIES: Readonly<Record<string, readonly Category[]>> = {
  overview: ['training'],
  activities: ['training'],
  load: ['training'],
  imports: ['training'],
  settings: ['training'],
  today: ['training', 'symptoms'],
  why: ['training', 'symptoms'],
  pain: ['symptoms'],
  journal: ['symptoms'],
  assessments: ['symptoms'],
  assessment: ['symptoms'],
  plan: ['clinical'],
  'plan.ics': ['clinical'],
  programme: ['clinical'],
  'programme-sessions': ['clinical'],
  routines: ['clinical'],
  advice: ['clinical'],
  'report.html': ['training', 'symptoms', 'clinical'],
  'report.pdf': ['training', 'symptoms', 'clinical'],
  shoes: ['gear'],
};

/** Writes that change the athlete's account rather than one category's data. */
const ATHLETE_ONLY = new Set(['data', 'export', 'demo']);

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** `path` is the route below the athlete, e.g. `/activities/01J…/exclude`. */
export function routeAccess(method: string, path: string): RouteAccess {
  const first = path.replace(/^\/+/, '').split('/')[0] ?? '';
  if (ATHLETE_ONLY.has(first)) return { kind: 'athlete-only' };
  const action: Action = SAFE_METHODS.has(method.toUpperCase()) ? 'read' : 'write';
  // Changing settings changes how every screen reads the athlete's data: theirs alone.
  if (first === 'settings' && action === 'write') return { kind: 'athlete-only' };
  const categories = READ_CATEGORIES[first];
  if (!categories) return { kind: 'unknown' };
  return { kind: 'categories', categories, action };
}
