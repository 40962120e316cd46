/**
 * Shoes: add, list with distance and reminders, rename, retire, default per sport, assign to runs, delete
 * (runs are kept), and storing the shoes an export names. Distance = start distance + assigned running.
 */

import type { Kysely } from 'kysely';
import { newId } from '../db/ids.ts';
import { ActivityRepository, type ActivityRow } from '../db/repositories/activity.repository.ts';
import type { Athlete } from '../db/repositories/athlete.repository.ts';
import { ShoeRepository, type ShoeRow } from '../db/repositories/shoe.repository.ts';
import type { Database } from '../db/schema.ts';
import { isRunningSport, RUNNING_SPORTS, type Sport } from '../domain/activity/sport.ts';
import { KneewiseError } from '../domain/errors.ts';
import { type InputNames, inputName } from '../domain/input-names.ts';
import { shoeThresholdsOf } from '../domain/settings.ts';
import {
  formatDefaultSports,
  parseDefaultSports,
  type ShoeSeed,
} from '../domain/shoes/shoe-catalogue.mapper.ts';
import { SHOE_CODES, shoeAlert } from '../domain/shoes/shoe-input.ts';
import {
  type RotationStats,
  rotationStats,
  type ShoeRunRef,
  shoeMileage,
} from '../domain/shoes/shoe-mileage.ts';
import { SHOE_EVIDENCE, type ShoeThresholds, type ShoeWearStatus } from '../domain/shoes/shoe-thresholds.ts';
import { runnerZone, todayIn } from './activity-history.service.ts';

export interface ShoeView {
  id: string;
  name: string;
  brand: string | null;
  model: string | null;
  startDistanceM: number;
  /** Start distance + assigned running activities, metres. */
  distanceM: number;
  runs: number;
  firstRunDate: string | null;
  lastRunDate: string | null;
  defaultFor: Sport[];
  retiredAt: string | null;
  status: ShoeWearStatus;
  alert: string | null;
}

export interface ShoeList {
  shoes: ShoeView[];
  rotation: RotationStats;
  thresholds: ShoeThresholds;
  evidence: { text: string; source: string };
}

export interface AddShoeInput {
  name: string;
  brand?: string | null;
  model?: string | null;
  startDistanceM?: number;
  defaultFor?: Sport[];
}

export interface AssignInput {
  runIds?: readonly string[] | undefined;
  /** Local dates, inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  sport?: Sport | undefined;
  /** Leave runs that already have a shoe alone. Default true for ranges, false for explicit ids. */
  onlyUnassigned?: boolean;
}

/** What the mileage needs of a running activity; callers that already read the runs pass these in. */
export function shoeRunRefs(
  rows: readonly Pick<ActivityRow, 'shoe_id' | 'sport' | 'local_date' | 'distance_m'>[],
): ShoeRunRef[] {
  return rows
    .filter((r) => isRunningSport(r.sport as Sport))
    .map((r) => ({
      shoeId: r.shoe_id,
      sport: r.sport as Sport,
      localDate: r.local_date,
      distanceM: r.distance_m,
    }));
}

export class ShoeService {
  private readonly shoes: ShoeRepository;
  private readonly activities: ActivityRepository;
  private readonly thresholds: ShoeThresholds;

  /** `thresholds` default to the runner's stored reminder distances (settings). */
  constructor(
    db: Kysely<Database>,
    private readonly athlete: Athlete,
    private readonly now: () => Date,
    thresholds?: ShoeThresholds,
    /** Whether error messages name the CLI's flags or the API's body fields (input-names.ts). */
    private readonly names: InputNames = 'flags',
  ) {
    this.thresholds = thresholds ?? shoeThresholdsOf(athlete.settings);
    this.shoes = new ShoeRepository(db);
    this.activities = new ActivityRepository(db);
  }

  /** A shoe by id or by exact name; unknown → exit 2 with the known names. */
  async resolve(ref: string): Promise<ShoeRow> {
    const byId = await this.shoes.findById(this.athlete.id, ref);
    const found = byId ?? (await this.shoes.findByName(this.athlete.id, ref.trim()));
    if (found) return found;
    const names = (await this.shoes.list(this.athlete.id)).map((s) => `"${s.name}"`);
    throw new KneewiseError(
      SHOE_CODES.SHOE_NOT_FOUND,
      `Unknown shoe "${ref}". ${names.length > 0 ? `Known shoes: ${names.join(', ')}` : 'No shoes yet: add one with kneewise shoes add NAME'}`,
      'not-found',
    );
  }

  /** `isDemo` marks the pair as part of the demo runner, so removing the demo removes it too. */
  async add(input: AddShoeInput, options: { isDemo?: boolean } = {}): Promise<ShoeView> {
    await this.assertNameFree(input.name);
    const row: ShoeRow = {
      id: newId(this.now().getTime()),
      athlete_id: this.athlete.id,
      name: input.name,
      brand: input.brand ?? null,
      model: input.model ?? null,
      start_distance_m: input.startDistanceM ?? 0,
      default_sport: null,
      retired_at: null,
      created_at: this.now().toISOString(),
      is_demo: options.isDemo ? 1 : 0,
    };
    await this.shoes.insert(row);
    for (const sport of input.defaultFor ?? []) await this.setDefault(row.id, sport);
    return this.view(row.id);
  }

  /** `runs`: the running activities when the caller has already read them (see shoeRunRefs). */
  /**
   * Adds a pair, unless the very same pair (name, brand, model, start distance) is already there: then that
   * one is returned, so a retried request does not fail. A different pair with the same name is refused.
   */
  async addOnce(input: AddShoeInput): Promise<{ shoe: ShoeView; created: boolean }> {
    const same = await this.shoes.findByName(this.athlete.id, input.name);
    if (
      same &&
      same.brand === (input.brand ?? null) &&
      same.model === (input.model ?? null) &&
      same.start_distance_m === (input.startDistanceM ?? 0)
    ) {
      return { shoe: await this.view(same.id), created: false };
    }
    return { shoe: await this.add(input), created: true };
  }

  async list(options: { includeRetired?: boolean; runs?: readonly ShoeRunRef[] } = {}): Promise<ShoeList> {
    const rows = await this.shoes.list(this.athlete.id);
    const runs = options.runs ?? (await this.runRefs());
    const defaults = effectiveDefaults(rows);
    const shoes = rows
      .filter((r) => options.includeRetired !== false || r.retired_at === null)
      .map((r) => this.toView(r, runs, defaults));
    return {
      shoes,
      // Rotation over the 90 days up to the last run, so an old history still shows how pairs were shared.
      rotation: rotationStats(runs, lastRunDay(runs, this.today())),
      thresholds: this.thresholds,
      evidence: { ...SHOE_EVIDENCE },
    };
  }

  async view(ref: string): Promise<ShoeView> {
    const row = await this.resolve(ref);
    return this.toView(row, await this.runRefs(), effectiveDefaults(await this.shoes.list(this.athlete.id)));
  }

  async rename(ref: string, newName: string): Promise<ShoeView> {
    const row = await this.resolve(ref);
    if (newName !== row.name) await this.assertNameFree(newName);
    await this.shoes.update(this.athlete.id, row.id, { name: newName });
    return this.view(row.id);
  }

  /** Retires a shoe on `date` (default today), or brings it back with `date` null. Its runs keep it. */
  async retire(ref: string, date: string | null | undefined): Promise<ShoeView> {
    const row = await this.resolve(ref);
    const retiredAt = date === null ? null : (date ?? this.today());
    const patch: { retired_at: string | null; default_sport?: string | null } = { retired_at: retiredAt };
    if (retiredAt !== null) patch.default_sport = null; // a retired pair is nobody's default any more
    await this.shoes.update(this.athlete.id, row.id, patch);
    return this.view(row.id);
  }

  /** Makes the shoe the default for `sport` (taking it from any other shoe); optionally fills unassigned runs. */
  async setDefault(
    ref: string,
    sport: Sport,
    options: { applyFrom?: string } = {},
  ): Promise<ShoeView & { assigned: number }> {
    const row = await this.resolve(ref);
    for (const other of await this.shoes.list(this.athlete.id)) {
      const sports = parseDefaultSports(other.default_sport);
      const next = other.id === row.id ? [...sports, sport] : sports.filter((s) => s !== sport);
      const text = formatDefaultSports(next);
      if (text !== other.default_sport)
        await this.shoes.update(this.athlete.id, other.id, { default_sport: text });
    }
    let assigned = 0;
    if (options.applyFrom !== undefined) {
      assigned = (await this.assign(row.id, { from: options.applyFrom, sport, onlyUnassigned: true }))
        .assigned;
    }
    return { ...(await this.view(row.id)), assigned };
  }

  /**
   * Makes the shoe the default for exactly `sports`: each is taken from any other shoe, and sports no longer
   * listed stop being this shoe's default.
   */
  async setDefaults(ref: string, sports: readonly Sport[]): Promise<ShoeView> {
    const row = await this.resolve(ref);
    const wanted = [...new Set(sports)];
    for (const other of await this.shoes.list(this.athlete.id)) {
      const current = parseDefaultSports(other.default_sport);
      const next = other.id === row.id ? wanted : current.filter((s) => !wanted.includes(s));
      const text = formatDefaultSports(next);
      if (text !== other.default_sport)
        await this.shoes.update(this.athlete.id, other.id, { default_sport: text });
    }
    return this.view(row.id);
  }

  async assign(ref: string, input: AssignInput): Promise<{ shoe: ShoeView; assigned: number }> {
    const row = await this.resolve(ref);
    const ids = await this.selectRuns(input);
    const assigned = await this.shoes.assignActivities(this.athlete.id, row.id, ids);
    return { shoe: await this.view(row.id), assigned };
  }

  /** Clears the shoe of the given runs. */
  async unassign(runIds: readonly string[]): Promise<number> {
    await this.selectRuns({ runIds });
    return this.shoes.assignActivities(this.athlete.id, null, runIds);
  }

  /** Deletes a shoe; its runs stay, without a shoe. */
  async delete(ref: string): Promise<{ deleted: ShoeView }> {
    const row = await this.resolve(ref);
    const view = await this.view(row.id);
    await this.shoes.delete(this.athlete.id, row.id);
    return { deleted: view };
  }

  /**
   * Stores the shoes an export names (Strava shoes.csv, Garmin gear JSON): new names become shoes, known ones
   * gain missing brand/model/defaults/retirement, and Garmin's activity links fill runs without a shoe
   * (matched on the activity's external id).
   */
  async importSeeds(
    seeds: readonly ShoeSeed[],
  ): Promise<{ created: number; updated: number; linked: number }> {
    let created = 0;
    let updated = 0;
    let linked = 0;
    const all = seeds.some((s) => s.linkedExternalIds.length > 0)
      ? await this.activities.list(this.athlete.id)
      : [];
    const byExternal = new Map(all.filter((a) => a.external_id !== null).map((a) => [a.external_id!, a]));
    for (const seed of seeds) {
      let row = await this.shoes.findByName(this.athlete.id, seed.name);
      if (!row) {
        row = await this.shoes.findOrCreate(
          this.athlete.id,
          { name: seed.name, brand: seed.brand, model: seed.model },
          this.now().toISOString(),
        );
        created += 1;
      }
      const patch: { brand?: string; model?: string; retired_at?: string } = {};
      if (row.brand === null && seed.brand !== null) patch.brand = seed.brand;
      if (row.model === null && seed.model !== null) patch.model = seed.model;
      if (row.retired_at === null && seed.retiredAt !== null) patch.retired_at = seed.retiredAt;
      if (Object.keys(patch).length > 0) {
        await this.shoes.update(this.athlete.id, row.id, patch);
        updated += 1;
      }
      // An export's defaults fill free sports only: one pair per sport, and the runner's own choice stands.
      if (seed.retiredAt === null) {
        for (const sport of seed.defaultSports)
          await this.shoes.claimDefaultIfFree(this.athlete.id, row.id, sport);
      }
      const ids = seed.linkedExternalIds
        .map((id) => byExternal.get(id))
        .filter((a): a is ActivityRow => a !== undefined && a.shoe_id === null)
        .map((a) => a.id);
      linked += await this.shoes.assignActivities(this.athlete.id, row.id, ids);
    }
    return { created, updated, linked };
  }

  private async selectRuns(input: AssignInput): Promise<string[]> {
    const rows = await this.activities.list(this.athlete.id);
    if (input.runIds !== undefined) {
      const known = new Set(rows.map((r) => r.id));
      const missing = input.runIds.filter((id) => !known.has(id));
      if (missing.length > 0) {
        throw new KneewiseError(
          'RUN_NOT_FOUND',
          `${inputName(this.names, '--run', 'runIds')}: no activity with id ${missing.map((m) => `"${m}"`).join(', ')}${this.names === 'flags' ? ' (see kneewise activities --json)' : ''}`,
          'not-found',
        );
      }
      const wanted = new Set(input.runIds);
      return rows
        .filter((r) => wanted.has(r.id) && (!input.onlyUnassigned || r.shoe_id === null))
        .map((r) => r.id);
    }
    if (input.from === undefined && input.to === undefined) {
      throw new KneewiseError(
        SHOE_CODES.SHOE_INVALID,
        this.names === 'flags'
          ? 'assign: give --run ID, or --from/--to dates'
          : 'body: give runIds, or from/to dates',
        'input',
      );
    }
    const onlyUnassigned = input.onlyUnassigned ?? true;
    return rows
      .filter((r) => (input.sport ? r.sport === input.sport : isRunningSport(r.sport as Sport)))
      .filter(
        (r) =>
          (input.from === undefined || r.local_date >= input.from) &&
          (input.to === undefined || r.local_date <= input.to),
      )
      .filter((r) => !onlyUnassigned || r.shoe_id === null)
      .map((r) => r.id);
  }

  private async runRefs(): Promise<ShoeRunRef[]> {
    return shoeRunRefs(await this.activities.list(this.athlete.id, { sports: [...RUNNING_SPORTS] }));
  }

  private toView(row: ShoeRow, runs: readonly ShoeRunRef[], defaults: Map<string, Sport[]>): ShoeView {
    const m = shoeMileage(
      { id: row.id, name: row.name, startDistanceM: row.start_distance_m, retiredAt: row.retired_at },
      runs,
      { thresholds: this.thresholds },
    );
    return {
      id: row.id,
      name: row.name,
      brand: row.brand,
      model: row.model,
      startDistanceM: row.start_distance_m,
      distanceM: m.distanceM,
      runs: m.runs,
      firstRunDate: m.firstRunDate,
      lastRunDate: m.lastRunDate,
      defaultFor: defaults.get(row.id) ?? [],
      retiredAt: row.retired_at,
      status: m.status,
      // A retired pair needs no reminder.
      alert:
        row.retired_at === null
          ? shoeAlert(row.name, m.distanceM, m.status, this.thresholds, this.athlete.settings.units)
          : null,
    };
  }

  private async assertNameFree(name: string): Promise<void> {
    if (await this.shoes.findByName(this.athlete.id, name)) {
      throw new KneewiseError(SHOE_CODES.SHOE_NAME_TAKEN, `A shoe named "${name}" already exists`, 'input');
    }
  }

  private today(): string {
    return todayIn(this.now(), runnerZone(this.athlete.settings));
  }
}

/**
 * Each sport's default pair, as imports apply it (ShoeRepository.defaultFor): the newest active pair listing
 * it. Older data could list a sport on several pairs; only one of them is shown as its default.
 */
function effectiveDefaults(rows: readonly ShoeRow[]): Map<string, Sport[]> {
  const out = new Map<string, Sport[]>();
  const taken = new Set<Sport>();
  const newestFirst = rows
    .filter((r) => r.retired_at === null)
    .sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : 0));
  for (const row of newestFirst) {
    const mine = parseDefaultSports(row.default_sport).filter((s) => !taken.has(s));
    for (const s of mine) taken.add(s);
    out.set(row.id, mine);
  }
  return out;
}

/** The latest run day on or before today, else today. */
function lastRunDay(runs: readonly ShoeRunRef[], today: string): string {
  let last: string | null = null;
  for (const r of runs) if (r.localDate <= today && (last === null || r.localDate > last)) last = r.localDate;
  return last ?? today;
}
