/**
 * What an audit entry's route means, in words: "GET /pain" is "the pain journal". The audit log keeps the exact
 * route (method and path below the athlete) as its record; a person reading their log wants to know which part
 * of their data was opened. An unknown route is shown as it is, never hidden.
 */

/** The first path segment below /api/athletes/:id → the part of the athlete's data it opens. */
const PARTS: Readonly<Record<string, string>> = {
  today: 'Today',
  overview: 'the overview',
  load: 'the training load',
  activities: 'the runs',
  imports: 'the imported files',
  pain: 'the pain journal',
  journal: 'the pain journal',
  assessment: 'a knee check',
  assessments: 'the knee checks',
  why: 'why it hurts',
  advice: 'the advice',
  report: 'the clinician report',
  shoes: 'the shoes',
  plan: 'the plans',
  programme: 'the plans',
  'programme-sessions': 'the plans',
  routines: 'the plans',
  settings: 'the settings',
  export: 'a copy of everything',
  data: 'the whole history',
};

/** Routes outside one athlete's data that still read it. */
const WHOLE: Readonly<Record<string, string>> = {
  'GET /api/server/roster': 'the roster',
};

export function auditRouteWords(route: string): string {
  const whole = WHOLE[route];
  if (whole !== undefined) return `on ${whole}`;
  const match = /^(GET|HEAD|POST|PUT|PATCH|DELETE) \/([a-z-]+)/.exec(route);
  const part = match ? PARTS[match[2] as string] : undefined;
  return part === undefined ? route : `in ${part}`;
}
