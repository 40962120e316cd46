import type { Command } from 'commander';
import { ADVICE_TOPIC_IDS, adviceTopics } from '../../services/plan/advice-topics.ts';
import type { AppContext } from '../app-context.ts';
import { printJson } from '../output.ts';

export function registerAdviceCommand(program: Command, ctx: AppContext): void {
  program
    .command('advice')
    .description(`First aid and everyday advice: ${ADVICE_TOPIC_IDS.join(', ')}`)
    .argument('[topic]', 'one topic; all topics when left out')
    .option('--json', 'print JSON only')
    .action((topic: string | undefined, opts: { json?: boolean }) => {
      const { topics } = adviceTopics(topic);
      if (opts.json) return printJson(ctx.io, { topics });
      for (const t of topics) {
        ctx.io.stdout.write(`\n${t.title}\n`);
        for (const p of t.points) ctx.io.stdout.write(`  • ${p.text}\n    (${p.source})\n`);
      }
      ctx.io.stdout.write('\nEducation, not a diagnosis.\n');
    });
}
