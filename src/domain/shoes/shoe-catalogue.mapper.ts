import { isSport, type Sport } from '../activity/sport.ts';
import { KneewiseError } from '../errors.ts';

/**
 * Shoes named by an export, as seeds the shoe service stores: Strava's shoes.csv (names, brand, model and
 * default sport types — no distances, no retired flag) and Garmin's `*_gear.json` (status, dates, the
 * user's maximum distance and links to activities). Research: ../shared/research/strava-garmin-export.md
 * §1.3 and §2.4. The default sports of a shoe are stored as a comma-separated list in `shoes.default_sport`.
 */
export interface ShoeSeed {
  name: string;
  brand: string | null;
  model: string | null;
  defaultSports: Sport[];
  retiredAt: string | null;
  /** Garmin's user-set maximum distance, metres; informative only (kneewise uses its own thresholds). */
  limitM: number | null;
  /** External activity ids (Garmin activityId) the export links to this shoe. */
  linkedExternalIds: string[];
}

const STRAVA_SPORTS: Record<string, Sport> = {
  Run: 'run',
  TrailRun: 'trail_run',
  VirtualRun: 'treadmill_run',
  Walk: 'walk',
  Hike: 'hike',
};

export function parseDefaultSports(text: string | null): Sport[] {
  if (text === null) return [];
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s): s is Sport => isSport(s));
}

export function formatDefaultSports(sports: readonly Sport[]): string | null {
  const unique = [...new Set(sports)];
  return unique.length === 0 ? null : unique.join(',');
}

/** Structural copy of the Strava parser's output, so the domain does not depend on the importer. */
export interface StravaShoeLike {
  name: string;
  brand: string | null;
  model: string | null;
  defaultSportTypes: readonly string[];
}

export function seedsFromStravaShoes(shoes: readonly StravaShoeLike[]): ShoeSeed[] {
  return shoes.map((s) => ({
    name: s.name,
    brand: s.brand,
    model: s.model,
    defaultSports: s.defaultSportTypes
      .map((t) => STRAVA_SPORTS[t])
      .filter((x): x is Sport => x !== undefined),
    retiredAt: null,
    limitM: null,
    linkedExternalIds: [],
  }));
}

function bad(fileName: string, what: string): KneewiseError {
  return new KneewiseError('JSON_MALFORMED', `${fileName}: ${what}`, 'input', { file: fileName });
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** Garmin dates come as "2023-04-01T00:00:00.0" or epoch ms; we keep the calendar date. */
function dateOf(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(value).toISOString().slice(0, 10);
  const t = text(value);
  return t !== null && /^\d{4}-\d{2}-\d{2}/.test(t) ? t.slice(0, 10) : null;
}

/**
 * `[ { "gearDTOS": [...], "gearActivityDTOs": { "<gearPk>": [ { "activityId": … } ] } } ]`; also accepts the
 * inner object without the outer array. Only gear whose type is shoes becomes a seed (bikes are not shoes).
 */
export function seedsFromGarminGear(json: unknown, fileName = 'gear.json'): ShoeSeed[] {
  const root = Array.isArray(json) ? json[0] : json;
  if (root === undefined) return [];
  if (typeof root !== 'object' || root === null) throw bad(fileName, 'expected an object with "gearDTOS"');
  const record = root as Record<string, unknown>;
  const gear = record.gearDTOS ?? [];
  if (!Array.isArray(gear)) throw bad(fileName, '"gearDTOS" should be an array');
  const links = (record.gearActivityDTOs ?? {}) as Record<string, unknown>;
  const seeds: ShoeSeed[] = [];
  for (const item of gear) {
    if (typeof item !== 'object' || item === null) continue;
    const g = item as Record<string, unknown>;
    const type = text(g.gearTypeName)?.toLowerCase() ?? '';
    if (!type.includes('shoe')) continue;
    const pk = g.gearPk ?? g.uuid;
    const makeModel = text(g.customMakeModel);
    const name = text(g.displayName) ?? makeModel ?? `Garmin shoes ${String(pk)}`;
    const linked = links[String(pk)];
    const ids = Array.isArray(linked)
      ? linked
          .map((l) =>
            typeof l === 'object' && l !== null ? (l as Record<string, unknown>).activityId : undefined,
          )
          .filter((id) => typeof id === 'number' || typeof id === 'string')
          .map(String)
      : [];
    const max = typeof g.maximumMeters === 'number' && g.maximumMeters > 0 ? g.maximumMeters : null;
    const retired = text(g.gearStatusName)?.toLowerCase() === 'retired';
    seeds.push({
      name,
      brand: null,
      model: makeModel,
      defaultSports: [],
      retiredAt: retired ? (dateOf(g.dateEnd) ?? dateOf(g.dateBegin) ?? '1970-01-01') : null,
      limitM: max,
      linkedExternalIds: ids,
    });
  }
  return seeds;
}
