import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { parseAnswers } from '../../domain/assessment/answers.schema.ts';
import { KneewiseError } from '../../domain/errors.ts';
import { AssessService } from '../../services/assess.service.ts';
import type { AppContext } from '../app-context.ts';
import { formatAssessment } from '../assess/assessment.format.ts';
import { runInteractiveAssessment } from '../assess/interactive.prompt.ts';
import { printJson } from '../output.ts';

async function readAnswersFile(ctx: AppContext, file: string): Promise<unknown> {
  let text: string;
  try {
    text = file === '-' ? await readStream(ctx.io.stdin) : await readFile(file, 'utf8');
  } catch (error) {
    throw new KneewiseError(
      'ANSWERS_UNREADABLE',
      `--answers ${file}: cannot read (${(error as Error).message})`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new KneewiseError(
      'ANSWER_INVALID',
      `--answers ${file}: expected a JSON object of answers (see the assessment spec), but it is not valid JSON (${(error as Error).message})`,
    );
  }
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += chunk.toString();
  return text;
}

export function registerAssessCommand(program: Command, ctx: AppContext): void {
  program
    .command('assess')
    .description(
      'Knee check: red-flag screen, where and how it hurts, then an urgency tier and likely conditions with reasons.\n' +
        'Education and triage, not a diagnosis.',
    )
    .option('--answers <file>', 'answer at once from a JSON file of answers ("-" = standard input)')
    .option('--no-save', 'do not keep this assessment for plans and reports')
    .option('--json', 'print JSON only')
    .action(async (opts: { answers?: string; save: boolean; json?: boolean }) => {
      // Validate the answers before touching the database: bad input exits 2 with nothing on stdout.
      const answers = opts.answers
        ? parseAnswers(await readAnswersFile(ctx, opts.answers))
        : await runInteractiveAssessment({
            input: ctx.io.stdin,
            // With --json the questions go to stderr so stdout holds only the JSON document.
            output: opts.json ? ctx.io.stderr : ctx.io.stdout,
            isTTY: Boolean((ctx.io.stdin as NodeJS.ReadStream).isTTY),
          });
      await ctx.withStore(async (store, athlete) => {
        const result = await new AssessService(store.db, athlete, ctx.now).assess(answers, {
          save: opts.save,
        });
        if (opts.json) return printJson(ctx.io, result);
        ctx.io.stdout.write(`${formatAssessment(result)}\n`);
      });
    });
}
