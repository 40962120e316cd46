import { existsSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { KneewiseError } from '../../domain/errors.ts';
import type { RestoreReport } from '../../services/data-restore.service.ts';
import { importPaths } from '../../services/import/import.service.ts';
import { type PreparationWorkers, startPreparationWorkers } from '../../services/import/preparation-pool.ts';
import { makeOffsetResolver } from '../../services/import/time-zone.ts';
import { isKneewiseExport } from '../../services/kneewise-export-head.ts';
import type { AppContext } from '../app-context.ts';
import { printJson } from '../output.ts';

export function registerImportCommand(program: Command, ctx: AppContext): void {
  program
    .command('import')
    .description(
      'Import activity files (.fit .gpx .tcx, optionally .gz), folders, and Strava or Garmin export ZIPs',
    )
    .argument('<paths...>', 'files, folders or ZIP archives')
    .option('--json', 'print JSON only')
    .action(async (paths: string[], opts: { json?: boolean }) => {
      // A mistyped path is the runner's mistake, not a skipped file: say so and import nothing.
      const missing = paths.filter((p) => !existsSync(p));
      if (missing.length > 0) {
        throw new KneewiseError(
          'PATH_NOT_FOUND',
          `import: no file or folder at ${missing.map((p) => `"${p}"`).join(', ')}; nothing was imported`,
          'not-found',
        );
      }
      // A folder or an archive usually holds many files: the workers that will prepare them start now and load
      // their code while the database opens. The import closes them (and does without them for a few files).
      const startedWorkers = paths.some(holdsManyFiles) ? startPreparationWorkers() : undefined;
      try {
        await importAll(paths, opts, ctx, startedWorkers);
      } finally {
        await startedWorkers?.close();
      }
    });
}

function holdsManyFiles(path: string): boolean {
  return /\.zip$/i.test(path) || statSync(path).isDirectory();
}

async function importAll(
  paths: string[],
  opts: { json?: boolean },
  ctx: AppContext,
  startedWorkers: PreparationWorkers | undefined,
): Promise<void> {
  // A kneewise export (Settings → export all my data) is restored; everything else is imported as files.
  const exports: string[] = [];
  const files: string[] = [];
  for (const p of paths) ((await isKneewiseExport(p)) ? exports : files).push(p);
  await ctx.withStore(async (store, athlete) => {
    const restored: RestoreReport[] = [];
    const refused: { file: string; code: string; message: string }[] = [];
    for (const path of exports) {
      // Loaded only for an export: its validation (zod) is about half of what this command loads otherwise.
      const { DataRestoreService } = await import('../../services/data-restore.service.ts');
      try {
        restored.push(await new DataRestoreService(store.db, athlete).restoreFile(path));
      } catch (error) {
        if (!(error instanceof KneewiseError)) throw error;
        refused.push({ file: path, code: error.code, message: error.message });
      }
    }
    // The progress bar's module only for a terminal (a script or --json never shows it).
    const cliProgress = ctx.io.isTTY && !opts.json ? (await import('cli-progress')).default : null;
    const bar = cliProgress
      ? new cliProgress.SingleBar(
          {
            format:
              'Importing [{bar}] {value}/{total} files | {imported} activities | {skipped} skipped | ETA {eta_formatted}',
            stream: ctx.io.stderr as NodeJS.WriteStream,
            hideCursor: true,
          },
          cliProgress.Presets.shades_classic,
        )
      : null;
    bar?.start(0, 0, { imported: 0, skipped: 0 });
    // Without a zone of the runner's, this computer's, looked up only if a file needs it (time-zone.ts).
    const homeZone = athlete.settings.timeZone ?? null;
    const report = await importPaths(
      {
        db: store.db,
        athleteId: athlete.id,
        nowIso: ctx.now().toISOString(),
        resolveOffset: makeOffsetResolver(homeZone),
        homeZone,
      },
      files,
      (p) => {
        bar?.setTotal(p.total);
        bar?.update(p.done, { imported: p.imported, skipped: p.skipped });
      },
      startedWorkers ? { startedWorkers } : {},
    );
    bar?.stop();
    report.skipped.unshift(...refused);
    if (opts.json) return printJson(ctx.io, restored.length > 0 ? { ...report, restored } : report);
    const out = ctx.io.stdout;
    for (const r of restored) {
      const a = r.added;
      out.write(
        `Restored from ${r.file}: ${a.activities} activities, ${a.shoes} shoes, ${a.pain_entries} pain entries, ${a.assessments} knee checks, ${a.programme_sessions} sessions (${r.alreadyThere} already there).\n`,
      );
    }
    if (files.length === 0 && report.skipped.length === 0) return;
    // A fresh database can still count copies: a Strava export and a watch folder often hold the same run.
    const copies =
      report.duplicates > 0 ? ` (${report.duplicates} already imported, or copies within these files)` : '';
    out.write(`Imported ${report.imported} activities${copies}.\n`);
    if (report.skipped.length > 0) {
      out.write(`Skipped ${report.skipped.length} files:\n`);
      for (const s of report.skipped) out.write(`  ${s.file}: ${s.message} [${s.code}]\n`);
    }
    if (report.warnings.length > 0) {
      out.write(`${report.warnings.length} warnings:\n`);
      for (const w of report.warnings.slice(0, 50)) out.write(`  ${w.file}: ${w.message} [${w.code}]\n`);
      if (report.warnings.length > 50)
        out.write(`  … and ${report.warnings.length - 50} more (use --json)\n`);
    }
  });
}
