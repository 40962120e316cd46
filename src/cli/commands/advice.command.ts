import type { Command } from 'commander';
import { KneewiseError } from '../../domain/errors.ts';
import { ADVICE, adviceTopic } from '../../domain/plans/advice.catalog.ts';
import { READINESS_TESTS, RETURN_RULES, WALK_RUN_LEVELS } from '../../domain/plans/return-to-run.ts';
import type { AppContext } from '../app-context.ts';
import { printJson } from '../output.ts';

const TOPICS = [...ADVICE.map((t) => t.id), 'return-to-run'];

/** Return-to-run as an advice topic: the readiness tests, the levels and the rules, each with its source. */
function returnToRunTopic() {
  return {
    id: 'return-to-run',
    title: 'Returning to running',
    points: [
      ...READINESS_TESTS.map((t) => ({
        text: `Test — ${t.name}: ${t.howTo} Pass: ${t.pass}`,
        source: t.source,
      })),
      ...WALK_RUN_LEVELS.map((l) => ({
        text: `Level ${l.level}: walk 5 min, then ${l.description}.`,
        source: RETURN_RULES.source,
      })),
      ...RETURN_RULES.text.map((text) => ({ text, source: RETURN_RULES.source })),
    ],
  };
}

export function registerAdviceCommand(program: Command, ctx: AppContext): void {
  program
    .command('advice')
    .description(`First aid and everyday advice: ${TOPICS.join(', ')}`)
    .argument('[topic]', 'one topic; all topics when left out')
    .option('--json', 'print JSON only')
    .action((topic: string | undefined, opts: { json?: boolean }) => {
      let topics: { id: string; title: string; points: readonly { text: string; source: string }[] }[];
      if (topic === undefined) topics = [...ADVICE, returnToRunTopic()];
      else if (topic === 'return-to-run') topics = [returnToRunTopic()];
      else {
        const found = adviceTopic(topic);
        if (!found)
          throw new KneewiseError(
            'ADVICE_UNKNOWN_TOPIC',
            `Unknown advice topic "${topic}": expected one of ${TOPICS.join(', ')}`,
          );
        topics = [found];
      }
      if (opts.json) return printJson(ctx.io, { topics });
      for (const t of topics) {
        ctx.io.stdout.write(`\n${t.title}\n`);
        for (const p of t.points) ctx.io.stdout.write(`  • ${p.text}\n    (${p.source})\n`);
      }
      ctx.io.stdout.write('\nEducation, not a diagnosis.\n');
    });
}
