/**
 * Garmin Connect export metadata: summarizedActivities JSON (names, descriptions, activities without an
 * uploaded file) and gear JSON (shoes and which activities used them). Uploaded files are matched to their
 * summary by the id in the file name, confirmed by start time, else by start time alone: the number in a
 * Garmin file name is sometimes an upload id, not the activity id.
 */

import { ShoeRepository } from '../../db/repositories/shoe.repository.ts';
import type { ImportIssue, ParsedActivity } from '../../domain/activity/activity.ts';
import type { Sport } from '../../domain/activity/sport.ts';
import {
  type GarminActivityRow,
  parseGarminSummarizedActivities,
} from '../../import/garmin/garmin-activities.parser.ts';
import { garminMetadataFor, garminRowToActivity } from '../../import/garmin/garmin-activity.mapper.ts';
import {
  garminActivityIdFromFileName,
  isGarminExport,
  isGarminGearPath,
  isGarminSummarizedActivitiesPath,
} from '../../import/garmin/garmin-export.layout.ts';
import { parseGarminGear } from '../../import/garmin/garmin-gear.parser.ts';
import type { WriteContext } from './activity-writer.ts';
import { displayPathIn, type ExportMetadata } from './export-metadata.ts';
import type { InputGroup } from './input-sources.ts';

/** A file and a summary within this many ms of each other at the start are the same activity. */
const START_MATCH_MS = 300_000;

export async function loadGarminMetadata(
  group: InputGroup,
  ctx: WriteContext,
): Promise<ExportMetadata | null> {
  if (!isGarminExport(group.paths)) return null;
  const issues: ImportIssue[] = [];
  const rows: { row: GarminActivityRow; source: string }[] = [];
  for (const path of group.paths.filter(isGarminSummarizedActivitiesPath)) {
    const source = displayPathIn(group, path);
    try {
      const bytes = await group.readRel(path);
      if (!bytes) continue;
      const parsed = parseGarminSummarizedActivities(Buffer.from(bytes).toString('utf8'), path);
      for (const row of parsed.rows) rows.push({ row, source });
      for (const issue of parsed.issues) issues.push({ file: source, ...issue });
    } catch (error) {
      issues.push({ file: source, code: 'JSON_MALFORMED', message: (error as Error).message });
    }
  }
  const { gearOf, stated: gearStated } = await loadGarminGear(group, ctx, issues);

  const byId = new Map(rows.map((r) => [r.row.activityId, r]));
  const byStart = [...rows].sort((a, b) => a.row.startMs - b.row.startMs);
  const used = new Set<string>();

  const findRow = (relPath: string, startMs: number) => {
    const id = garminActivityIdFromFileName(relPath);
    const named = id ? byId.get(id) : undefined;
    if (named && Math.abs(named.row.startMs - startMs) <= START_MATCH_MS) return named;
    let best: (typeof rows)[number] | undefined;
    for (const r of byStart) {
      const gap = Math.abs(r.row.startMs - startMs);
      if (gap <= START_MATCH_MS && (!best || gap < Math.abs(best.row.startMs - startMs))) best = r;
    }
    return best;
  };

  return {
    kind: 'garmin',
    issues,
    claim(relPath, activities) {
      return activities.map((activity): ParsedActivity => {
        const match = findRow(relPath, activity.startMs);
        if (!match) return activity;
        used.add(match.row.activityId);
        const meta = garminMetadataFor(match.row);
        return {
          ...activity,
          name: meta.name ?? activity.name,
          description: meta.description ?? activity.description,
          externalId: meta.externalId ?? activity.externalId,
          gearName: gearOf.get(match.row.activityId) ?? activity.gearName,
          gearStated: gearStated || activity.gearStated === true,
          utcOffsetS: activity.utcOffsetS ?? match.row.utcOffsetS,
        };
      });
    },
    markSeen(relPath) {
      const id = garminActivityIdFromFileName(relPath);
      if (id && byId.has(id)) used.add(id);
    },
    leftovers() {
      return rows
        .filter((r) => !used.has(r.row.activityId))
        .map((r) => ({
          source: r.source,
          activity: {
            ...garminRowToActivity(r.row),
            gearName: gearOf.get(r.row.activityId) ?? null,
            gearStated,
          },
        }));
    },
  };
}

/**
 * Creates the export's shoes and returns activityId → shoe name. `stated`: the export lists shoes with their
 * activities, so an activity it links to none had no shoe (it is not given the default pair).
 */
async function loadGarminGear(
  group: InputGroup,
  ctx: WriteContext,
  issues: ImportIssue[],
): Promise<{ gearOf: Map<string, string>; stated: boolean }> {
  const gearOf = new Map<string, string>();
  let stated = false;
  const repo = new ShoeRepository(ctx.db);
  for (const path of group.paths.filter(isGarminGearPath)) {
    const source = displayPathIn(group, path);
    try {
      const bytes = await group.readRel(path);
      if (!bytes) continue;
      const text = Buffer.from(bytes).toString('utf8');
      const gear = parseGarminGear(text, path);
      for (const issue of gear.issues) issues.push({ file: source, ...issue });
      const ids = new Map<string, string>();
      const names = new Map<string, string>();
      for (const shoe of gear.shoes) {
        const row = await repo.findOrCreate(
          ctx.athleteId,
          { name: shoe.name, brand: shoe.brand, model: shoe.model },
          ctx.nowIso,
        );
        ids.set(shoe.gearPk, row.id);
        names.set(shoe.gearPk, shoe.name);
      }
      if (gear.shoes.length > 0 && gear.links.length > 0) stated = true;
      for (const link of gear.links) {
        const name = names.get(link.gearPk);
        if (name) gearOf.set(link.activityId, name);
      }
      // Garmin's default gear per activity type: one pair per sport, and never over the runner's own choice.
      for (const d of garminGearDefaults(text)) {
        const shoeId = ids.get(d.gearPk);
        if (shoeId) await repo.claimDefaultIfFree(ctx.athleteId, shoeId, d.sport);
      }
    } catch (error) {
      issues.push({ file: source, code: 'JSON_MALFORMED', message: (error as Error).message });
    }
  }
  return { gearOf, stated };
}

/** Garmin activity types (by key, or by type id where 1 is running) kneewise keeps shoes for. */
const GARMIN_TYPE_SPORTS: Record<string, Sport> = {
  running: 'run',
  street_running: 'run',
  '1': 'run',
  trail_running: 'trail_run',
  treadmill_running: 'treadmill_run',
  indoor_running: 'treadmill_run',
  track_running: 'track_run',
};

/**
 * `gearActivityTypeDTOS`: `[{ "gearPk": …, "activityTypePk": 1 | "activityTypeKey": "running", "defaultGear":
 * true }]` — the pair the runner chose as default per activity type. Entries that are not clearly a running
 * default are ignored; the file is already known to be valid JSON (parsed above).
 */
function garminGearDefaults(text: string): { gearPk: string; sport: Sport }[] {
  const data: unknown = JSON.parse(text);
  const holders = (Array.isArray(data) ? data : [data]).filter(
    (h): h is Record<string, unknown> => typeof h === 'object' && h !== null,
  );
  const out: { gearPk: string; sport: Sport }[] = [];
  for (const holder of holders) {
    const list = holder.gearActivityTypeDTOS;
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      if (typeof item !== 'object' || item === null) continue;
      const d = item as Record<string, unknown>;
      if (d.defaultGear === false) continue;
      const type = d.activityTypeKey ?? d.activityTypePk;
      const sport =
        typeof type === 'string' || typeof type === 'number' ? GARMIN_TYPE_SPORTS[String(type)] : undefined;
      const pk = d.gearPk;
      if (sport && (typeof pk === 'string' || typeof pk === 'number'))
        out.push({ gearPk: String(pk), sport });
    }
  }
  return out;
}
