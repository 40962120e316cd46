/**
 * (d) Cadence per run against the runner's usual (median of the 8 weeks before). Lab evidence on joint
 * loading, not injury rates; the 5 % mark is kneewise's own heuristic.
 */
import { useCallback } from 'preact/hooks';
import { FLAG_EVIDENCE, FLAG_SOURCES } from '../../../src/domain/load/load-flag.messages.ts';
import { ChartFigure } from '../charts/chart-figure.tsx';
import { ChartLegend } from '../charts/chart-legend.tsx';
import type { LoadChartData } from '../charts/load-chart-data.ts';
import { loadPlotCharts } from '../charts/load-plot-charts.ts';
import { CHART_COLOR } from '../charts/plot-basics.ts';
import { TrainingChartCard } from './training-chart-card.tsx';

const HEIGHT = 200;

export function TrainingCadenceChart(props: { data: LoadChartData }) {
  const { data } = props;
  const render = useCallback(
    async (width: number) =>
      (await loadPlotCharts()).cadencePlot(data.cadence, {
        width,
        height: HEIGHT,
        xDomain: data.xDomain,
        ariaLabel: `Cadence of each run in steps per minute against your usual, ${data.from} to ${data.to}`,
      }),
    [data],
  );
  const dropped = data.cadence.filter((c) => c.dropped);
  const last = data.cadence[data.cadence.length - 1];
  const sorted = data.cadence.map((c) => c.cadenceSpm).sort((a, b) => a - b);
  const median = sorted.length === 0 ? null : sorted[Math.floor(sorted.length / 2)]!;

  return (
    <TrainingChartCard
      id="cadence"
      title="Cadence"
      evidence={{
        level: 'Lab evidence',
        text: FLAG_EVIDENCE.cadence_drop,
        source: FLAG_SOURCES.cadence_drop,
      }}
      empty={
        data.runs.length === 0
          ? 'No runs in this range.'
          : data.cadence.length === 0
            ? 'No cadence in these runs: the watch or the file did not record steps.'
            : null
      }
    >
      <ChartFigure
        name="cadence"
        height={HEIGHT}
        render={render}
        legend={
          <ChartLegend
            label="Key for cadence"
            items={[
              { label: 'Run', color: CHART_COLOR.primary, shape: 'circle' },
              { label: 'Your usual (8-week median)', color: CHART_COLOR.baseline, shape: 'dashed' },
              { label: '5 % or more under your usual (▲)', color: CHART_COLOR.spike, shape: 'triangle' },
            ]}
          />
        }
        caption={
          <>
            Steps per minute of {data.cadence.length} runs
            {median !== null && <>, typically {Math.round(median)}</>}.{' '}
            {last && (
              <>
                Latest, {last.localDate}: {Math.round(last.cadenceSpm)}
                {last.baselineSpm !== null && <> against your usual {Math.round(last.baselineSpm)}</>}.{' '}
              </>
            )}
            {dropped.length === 0
              ? 'No run fell 5 % or more under your usual.'
              : `${dropped.length} ${dropped.length === 1 ? 'run fell' : 'runs fell'} 5 % or more under your usual.`}
          </>
        }
        table={{
          summary: 'Table of cadence per run',
          count: data.cadence.length,
          countLabel: 'runs',
          columns: ['Date', 'Steps/min', 'Your usual', 'Under it by'],
          rows: () =>
            data.cadence.map((c) => [
              c.localDate,
              Math.round(c.cadenceSpm),
              c.baselineSpm === null ? '–' : Math.round(c.baselineSpm),
              c.dropPct === null ? '–' : `${(Math.round(c.dropPct * 10) / 10).toString()} %`,
            ]),
        }}
      />
    </TrainingChartCard>
  );
}
