/**
 * How the report words values: distances in the runner's units, dates as "3 Mar 2025", vocabulary ids as
 * plain words a clinician reads at a glance.
 */
import { type DistanceUnits, formatDistance } from '../../domain/units.ts';

export function distance(metres: number | null, units: DistanceUnits): string {
  return metres === null ? '–' : formatDistance(metres, units);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function longDate(date: string | null): string {
  if (date === null) return '–';
  const [y, m, d] = date.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1] ?? m} ${y}`;
}

export function duration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.round((seconds % 3600) / 60);
  return h > 0 ? `${h} h ${m} min` : `${m} min`;
}

export function score(value: number | null): string {
  return value === null ? '–' : String(value);
}

export function percent(likelihood: number): string {
  if (likelihood > 0 && likelihood < 0.01) return '<1 %';
  return `${Math.round(likelihood * 100)} %`;
}

const REGION_WORDS: Readonly<Record<string, string>> = {
  anterior: 'front, around/behind the kneecap',
  'inferior-patellar': 'just below the kneecap',
  lateral: 'outer side',
  medial: 'inner side',
  posterior: 'back of the knee',
  diffuse: 'diffuse',
};

export function regions(ids: readonly string[]): string {
  return ids.length === 0 ? 'not recorded' : ids.map((r) => REGION_WORDS[r] ?? r).join('; ');
}

export function sides(ids: readonly string[]): string {
  return ids.length === 0 ? 'not recorded' : ids.join(' and ');
}

const URGENCY_WORDS: Readonly<Record<string, string>> = {
  emergency: 'Emergency — emergency department now',
  urgent: 'Urgent — to be seen today',
  soon: 'Soon — doctor or physiotherapist within days',
  'self-care': 'Self-care — structured self-management, with stated limits',
};

export function urgency(tier: string): string {
  return URGENCY_WORDS[tier] ?? tier;
}

const SPORT_WORDS: Readonly<Record<string, string>> = {
  ride: 'cycling',
  swim: 'swimming',
  walk: 'walking',
  hike: 'hiking',
  other: 'other',
};

export function sport(id: string): string {
  return SPORT_WORDS[id] ?? id;
}
