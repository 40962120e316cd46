/**
 * (b) Every run against the longest run of the 30 days before it, binned as in Frandsen 2025 — the strongest
 * evidence kneewise has for runners — with the 10 % line and the next-run ceiling that follows from it.
 */
import { useCallback } from 'preact/hooks';
import { FLAG_EVIDENCE, FLAG_SOURCES } from '../../../src/domain/load/load-flag.messages.ts';
import { ChartFigure } from '../charts/chart-figure.tsx';
import { ChartLegend } from '../charts/chart-legend.tsx';
import type { LoadChartData } from '../charts/load-chart-data.ts';
import { inUnits, signedPct } from '../charts/plot-basics.ts';
import { SPIKE_CATEGORIES, SPIKE_STYLE, spikeTimelineSvg } from '../charts/spike-timeline.svg.ts';
import { useUnits } from '../settings-context.tsx';
import type { LoadReport, SpikeCategory } from '../types/load.ts';
import { TrainingChartCard } from './training-chart-card.tsx';
import { TrainingNextRun } from './training-next-run.tsx';

const HEIGHT = 240;

export const SPIKE_LABEL: Readonly<Record<SpikeCategory, string>> = {
  none: 'Within 10 % (or shorter)',
  small: '10–30 % over',
  moderate: '30–100 % over',
  large: 'More than 100 % over',
  'no-baseline': 'No run in the 30 days before',
};

export function TrainingSpikeChart(props: { data: LoadChartData; report: LoadReport }) {
  const units = useUnits();
  const { data, report } = props;
  const render = useCallback(
    (width: number) =>
      spikeTimelineSvg(data.runs, {
        width,
        height: HEIGHT,
        xDomain: data.xDomain,
        unitLabel: units.label,
        ariaLabel: `Each run's distance against the longest run of the 30 days before it, ${data.from} to ${data.to}`,
      }),
    [data, units.label],
  );
  const counts = new Map<SpikeCategory, number>();
  for (const run of data.runs) counts.set(run.category, (counts.get(run.category) ?? 0) + 1);
  const spikes = data.runs.filter(
    (r) => r.category === 'small' || r.category === 'moderate' || r.category === 'large',
  );
  const biggest = spikes.reduce<(typeof spikes)[number] | null>(
    (best, r) => (best === null || (r.spikePct ?? 0) > (best.spikePct ?? 0) ? r : best),
    null,
  );

  return (
    <TrainingChartCard
      id="spike-timeline"
      title="Single-run spikes"
      evidence={{
        level: 'Strongest evidence for runners',
        text: FLAG_EVIDENCE.session_spike,
        source: FLAG_SOURCES.session_spike,
      }}
      empty={data.runs.length === 0 ? 'No runs in this range.' : null}
    >
      <TrainingNextRun report={report} />
      <ChartFigure
        name="spike-timeline"
        height={HEIGHT}
        render={render}
        legend={
          <ChartLegend
            label="Key for single-run spikes"
            items={SPIKE_CATEGORIES.filter((c) => c !== 'no-baseline' || counts.has(c)).map((c) => ({
              label: SPIKE_LABEL[c],
              color: SPIKE_STYLE[c].color,
              shape: SPIKE_STYLE[c].symbol,
            }))}
          />
        }
        caption={
          <>
            {data.runs.length} runs from {data.from} to {data.to}, each set against the longest run of the 30
            days before it; the dashed line is 10 % over.{' '}
            {spikes.length === 0
              ? 'No run went more than 10 % past it.'
              : `${spikes.length} ${spikes.length === 1 ? 'run went' : 'runs went'} more than 10 % past it (${SPIKE_CATEGORIES.filter(
                  (c) => c === 'small' || c === 'moderate' || c === 'large',
                )
                  .filter((c) => counts.has(c))
                  .map((c) => `${counts.get(c)} ${SPIKE_LABEL[c].toLowerCase()}`)
                  .join(', ')}).`}
            {biggest && biggest.spikePct !== null && (
              <>
                {' '}
                The largest: {inUnits(biggest.distance, units.label)} on {biggest.localDate},{' '}
                {signedPct(biggest.spikePct)}.
              </>
            )}
          </>
        }
        table={{
          summary: 'Table of runs',
          count: data.runs.length,
          countLabel: 'runs',
          columns: [
            'Date',
            `Distance (${units.label})`,
            `30-day longest (${units.label})`,
            'Against it',
            'Bin',
          ],
          rows: () =>
            data.runs.map((r) => [
              r.localDate,
              r.distance.toFixed(1),
              r.baseline === null ? '–' : r.baseline.toFixed(1),
              r.spikePct === null ? '–' : signedPct(r.spikePct),
              SPIKE_LABEL[r.category],
            ]),
        }}
      />
    </TrainingChartCard>
  );
}
