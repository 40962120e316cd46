/**
 * The one number with the best evidence behind it, big: how far the next run can go before it becomes the
 * kind of spike that came before overuse injuries (Frandsen et al., BJSM 2025).
 */
import { SOURCES } from '../../../src/domain/load/load-sources.ts';
import { dayWithRelative, shortDay } from '../format-dates.ts';
import { useUnits } from '../settings-context.tsx';
import type { TodayLoad } from '../types/today.ts';
import { EvidenceLabel } from './screen.tsx';

/** The factor of the spike rule: over 10 % past the 30-day longest is a spike. */
const CEILING_FACTOR = 1.1;

export function TodayCeiling(props: {
  load: TodayLoad;
  today: string;
  /** The latest knee check said emergency or urgent: running waits until the knee has been seen. */
  paused: boolean;
}) {
  const units = useUnits();
  const { load } = props;
  const ceiling = load.nextRunCeilingM;
  const longestM = load.ceiling?.longestM ?? (ceiling === null ? null : ceiling / CEILING_FACTOR);
  const longestDate = load.ceiling?.longestDate ?? null;

  return (
    <section class="card today-ceiling" aria-labelledby="ceiling-title" data-testid="today-ceiling">
      <h2 id="ceiling-title">Your next run</h2>
      {props.paused && (
        <p class="ceiling-paused">
          Not before your knee has been seen. The distance below is for when you are cleared to run again.
        </p>
      )}
      {ceiling === null ? (
        <>
          <p class="ceiling-none">
            No run in the last 30 days, so there is nothing to measure a safe distance against.
          </p>
          <p>
            Start well short of what you used to run and build up in small steps: each run at most 10 % longer
            than your longest of the 30 days before.
          </p>
        </>
      ) : (
        <>
          <p class="ceiling-number" data-testid="ceiling">
            Keep your next run under <strong>{units.distance(ceiling, { roundDown: true })}</strong>
          </p>
          <p class="ceiling-why">
            That is 1.10 × your longest run of the last 30 days
            {longestM !== null && (
              <>
                {' '}
                ({units.distance(longestM)}
                {longestDate && <> on {shortDay(longestDate)}</>})
              </>
            )}
            . Going more than 10 % past it is the single-run spike linked to overuse injuries.
          </p>
        </>
      )}
      {load.lastRun && (
        <p class="muted">
          Last run: {units.distance(load.lastRun.distanceM)} on{' '}
          {dayWithRelative(load.lastRun.localDate, props.today)}.
        </p>
      )}
      <EvidenceLabel level="Strongest evidence for runners" source={SOURCES.frandsen2025}>
        In 5,205 runners followed for 18 months, a single run more than 10 % longer than the longest of the 30
        days before came with more overuse injuries (about 1.5 to 2.3 times the rate, depending on the jump).
      </EvidenceLabel>
    </section>
  );
}
