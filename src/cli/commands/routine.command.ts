import type { Command } from 'commander';
import { ROUTINE_NAMES } from '../../domain/plans/routine.ts';
import { parseRoutinePhase, routineNamed } from '../../services/plan/routine-lookup.ts';
import {
  type KeySource,
  type PlayerClock,
  playRoutine,
  printRoutine,
  systemClock,
} from '../../services/plan/routine-player.ts';
import type { AppContext } from '../app-context.ts';
import { printJson } from '../output.ts';

interface RoutineOptions {
  phase?: string;
  wait: boolean;
  json?: boolean;
}

/** Tests pass a fake clock; the CLI uses the system one. */
export function registerRoutineCommand(
  program: Command,
  ctx: AppContext,
  clock: PlayerClock = systemClock,
): void {
  program
    .command('routine')
    .description(`Play a guided routine: ${ROUTINE_NAMES.join(', ')}`)
    .argument('<name>', 'warmup, cooldown or a programme id')
    .option('--phase <n>', 'programme phase to play (1 = first)', '1')
    .option('--no-wait', 'print the steps without timing them')
    .option('--json', 'print the routine as JSON')
    .action(async (name: string, opts: RoutineOptions) => {
      const routine = routineNamed(name, parseRoutinePhase(opts.phase ?? '1'));
      if (opts.json) return printJson(ctx.io, routine);
      const stdinIsTty = Boolean((ctx.io.stdin as { isTTY?: boolean }).isTTY);
      if (!opts.wait || !ctx.io.isTTY || !stdinIsTty) {
        printRoutine(routine, ctx.io.stdout, opts.wait);
        return;
      }
      await playRoutine(routine, { out: ctx.io.stdout, keys: ctx.io.stdin as unknown as KeySource, clock });
    });
}
