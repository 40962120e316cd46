/**
 * Strava and Garmin exports come with metadata beside the activity files: names, descriptions, gear, and
 * activities that have no file at all. This joins that metadata to the files as they are imported, and hands
 * back the activities that only the metadata knows about.
 */
import { join } from 'node:path';
import { ShoeRepository } from '../../db/repositories/shoe.repository.ts';
import type { ImportIssue, ParsedActivity } from '../../domain/activity/activity.ts';
import { seedsFromStravaShoes } from '../../domain/shoes/shoe-catalogue.mapper.ts';
import { joinArchivePath } from '../../import/archive/zip-entry-path.ts';
import {
  parseStravaActivitiesCsv,
  type StravaActivityRow,
} from '../../import/strava/strava-activities.parser.ts';
import { stravaMetadataFor, stravaRowToActivity } from '../../import/strava/strava-activity.mapper.ts';
import { stravaCsvPath, stravaExportRoot, stravaFilePath } from '../../import/strava/strava-export.layout.ts';
import { parseStravaShoesCsv } from '../../import/strava/strava-shoes.parser.ts';
import type { WriteContext } from './activity-writer.ts';
import { applyFileClaim, type FileClaim } from './file-claim.ts';
import { loadGarminMetadata } from './garmin-metadata.ts';
import type { InputGroup } from './input-sources.ts';

export interface ExportMetadata {
  kind: 'strava' | 'garmin';
  issues: ImportIssue[];
  /** Merges the export's metadata into the activities of the file at `relPath`. */
  claim(relPath: string, activities: ParsedActivity[]): ParsedActivity[];
  /**
   * What `claim` would lay over the file at `relPath`, when that is known before decoding it (Strava: by the
   * file's name): the file is then prepared with it (file-claim.ts) and only marked seen, not claimed again.
   * Null when the file has no metadata; absent when matching needs the decoded activities (Garmin: by start).
   */
  claimAhead?(relPath: string): FileClaim | null;
  /** The file at `relPath` was imported before: its metadata row needs no summary-only activity. */
  markSeen(relPath: string): void;
  /** Activities the metadata lists whose file was missing or unusable. */
  leftovers(): { source: string; activity: ParsedActivity }[];
}

export function displayPathIn(group: InputGroup, relPath: string): string {
  if (group.kind === 'zip') return joinArchivePath(group.display, relPath);
  if (group.kind === 'folder') return join(group.display, ...relPath.split('/'));
  return group.display;
}

export async function loadExportMetadata(
  group: InputGroup,
  ctx: WriteContext,
): Promise<ExportMetadata | null> {
  if (group.kind === 'file') return null;
  const root = stravaExportRoot(group.paths);
  if (root !== null) return loadStravaMetadata(group, root, ctx);
  return loadGarminMetadata(group, ctx);
}

async function loadStravaMetadata(
  group: InputGroup,
  root: string,
  ctx: WriteContext,
): Promise<ExportMetadata> {
  const issues: ImportIssue[] = [];
  const csvPath = stravaCsvPath(root, 'activities.csv');
  const csvDisplay = displayPathIn(group, csvPath);
  const parsed = await readStravaActivities(group, csvPath, issues);
  for (const issue of parsed.issues) {
    issues.push({
      file: csvDisplay,
      code: issue.code,
      message: issue.row ? `row ${issue.row}: ${issue.message}` : issue.message,
    });
  }
  await importStravaShoes(group, root, ctx, issues);

  const byFile = new Map<string, StravaActivityRow>();
  const withoutFile: StravaActivityRow[] = [];
  for (const row of parsed.rows) {
    if (row.filename) byFile.set(stravaFilePath(root, row.filename), row);
    else withoutFile.push(row);
  }
  const used = new Set<StravaActivityRow>();
  return {
    kind: 'strava',
    issues,
    claim(relPath, activities) {
      const row = byFile.get(relPath);
      if (!row) return activities;
      used.add(row);
      return applyFileClaim(activities, stravaClaim(row));
    },
    claimAhead(relPath) {
      const row = byFile.get(relPath);
      return row ? stravaClaim(row) : null;
    },
    markSeen(relPath) {
      const row = byFile.get(relPath);
      if (row) used.add(row);
    },
    leftovers() {
      const rows = [...withoutFile, ...[...byFile.values()].filter((r) => !used.has(r))];
      return rows.map((row) => ({
        source: csvDisplay,
        activity: { ...stravaRowToActivity(row), gearStated: true },
      }));
    },
  };
}

function stravaClaim(row: StravaActivityRow): FileClaim {
  return { sport: row.sport, ...stravaMetadataFor(row) };
}

/**
 * Stores the pairs of shoes.csv. Each pair's "Shoe Default Sport Types" become its defaults per sport, but
 * only for a sport no pair is the default of yet: one pair per sport, and the runner's own choice stands.
 */
/**
 * The export's activities.csv, or no rows when it cannot be read (an unclosed quote, a header in a language we
 * do not know): a warning naming the export, and its activity files import on their own.
 */
async function readStravaActivities(
  group: InputGroup,
  csvPath: string,
  issues: ImportIssue[],
): Promise<ReturnType<typeof parseStravaActivitiesCsv>> {
  const csvDisplay = displayPathIn(group, csvPath);
  try {
    const bytes = await group.readRel(csvPath);
    return bytes ? parseStravaActivitiesCsv(Buffer.from(bytes).toString('utf8')) : { rows: [], issues: [] };
  } catch (error) {
    issues.push({
      file: csvDisplay,
      code:
        (error as { code?: string }).code === 'CSV_MALFORMED'
          ? 'CSV_MALFORMED'
          : 'EXPORT_METADATA_UNREADABLE',
      message: `${group.display}: the export's activities.csv was left out (${(error as Error).message}); its activity files were imported without names, gear or descriptions.`,
    });
    return { rows: [], issues: [] };
  }
}

async function importStravaShoes(group: InputGroup, root: string, ctx: WriteContext, issues: ImportIssue[]) {
  const path = stravaCsvPath(root, 'shoes.csv');
  const bytes = await group.readRel(path);
  if (!bytes) return;
  try {
    const seeds = seedsFromStravaShoes(parseStravaShoesCsv(Buffer.from(bytes).toString('utf8')));
    const repo = new ShoeRepository(ctx.db);
    for (const seed of seeds) {
      const row = await repo.findOrCreate(
        ctx.athleteId,
        { name: seed.name, brand: seed.brand, model: seed.model },
        ctx.nowIso,
      );
      for (const sport of seed.defaultSports) await repo.claimDefaultIfFree(ctx.athleteId, row.id, sport);
    }
  } catch (error) {
    issues.push({
      file: displayPathIn(group, path),
      code: 'CSV_MALFORMED',
      message: (error as Error).message,
    });
  }
}
