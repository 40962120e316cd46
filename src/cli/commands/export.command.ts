import { once } from 'node:events';
import { createWriteStream, rmSync } from 'node:fs';
import type { Command } from 'commander';
import { KneewiseError } from '../../domain/errors.ts';
import { DataExportService } from '../../services/data-export.service.ts';
import { FhirExportService } from '../../services/fhir-export.service.ts';
import type { AppContext } from '../app-context.ts';
import { printJson } from '../output.ts';

interface ExportFlags {
  fhir?: boolean;
  out?: string;
  json?: boolean;
}

/** Writes one piece, waiting while the stream's buffer is full (a 300 MB export never sits in memory). */
async function write(stream: NodeJS.WritableStream, piece: string): Promise<void> {
  if (!stream.write(piece)) await once(stream, 'drain');
}

/** The --out file, opened before anything is read, so a wrong path fails at once with its name. */
async function openOut(file: string): Promise<ReturnType<typeof createWriteStream>> {
  const stream = createWriteStream(file);
  try {
    await once(stream, 'open');
    return stream;
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new KneewiseError(
      'EXPORT_OUT_INVALID',
      `--out ${file}: cannot write that file (${reason}); expected a path in an existing folder you can write to`,
    );
  }
}

/**
 * `kneewise export [--fhir] [--out FILE] [--json]`: everything the athlete has, as the kneewise JSON export
 * (what `kneewise import FILE` restores, rows as stored) or, with --fhir, as a FHIR R4 Bundle for other health
 * software. Without --out the document goes to stdout (`kneewise export > mine.json`); with --out, --json
 * prints what was written.
 */
export function registerExportCommand(program: Command, ctx: AppContext): void {
  program
    .command('export')
    .description('Export all your data: the kneewise JSON (restorable with import) or a FHIR R4 Bundle')
    .option('--fhir', 'a FHIR R4 Bundle (Patient, Observations, QuestionnaireResponses, DocumentReferences)')
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--json', 'with --out: print JSON only, describing the file written')
    .action(async (opts: ExportFlags) => {
      if (opts.json && opts.out === undefined) {
        throw new KneewiseError(
          'EXPORT_USAGE',
          '--json describes the file written: give --out FILE with it (or leave --json out to print the export)',
        );
      }
      await ctx.withStore(async (store, athlete) => {
        const target = opts.out === undefined ? ctx.io.stdout : await openOut(opts.out);
        let counts: Record<string, number>;
        try {
          if (opts.fhir) {
            const result = await new FhirExportService(store.db, athlete, ctx.now).export();
            counts = { ...result.counts };
            await write(target, `${JSON.stringify(result.bundle, null, 1)}\n`);
          } else {
            const service = new DataExportService(store.db, athlete, ctx.now);
            for await (const piece of service.chunks()) await write(target, piece);
            await write(target, '\n');
            counts = { ...service.lastCounts() };
          }
          if (target !== ctx.io.stdout) {
            const file = target as ReturnType<typeof createWriteStream>;
            await new Promise<void>((resolve, reject) =>
              file.end((error?: Error | null) => (error ? reject(error) : resolve())),
            );
          }
        } catch (error) {
          // No half-written export is left behind to be mistaken for a whole one.
          if (opts.out !== undefined) {
            (target as ReturnType<typeof createWriteStream>).destroy();
            rmSync(opts.out, { force: true });
          }
          throw error;
        }
        if (opts.out === undefined) return;
        const format = opts.fhir ? 'fhir-r4-bundle' : 'kneewise-export';
        if (opts.json) return printJson(ctx.io, { file: opts.out, format, counts });
        const summary = Object.entries(counts)
          .map(([k, n]) => `${n} ${k}`)
          .join(', ');
        ctx.io.stdout.write(`Wrote ${opts.out} (${format}): ${summary}\n`);
      });
    });
}
