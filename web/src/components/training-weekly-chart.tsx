/**
 * (a) Weekly distance, with the weeks that held a spike run marked, next to what the trials found about weekly
 * increases: the popular 10 % rule did not prevent injuries (Buist 2008); growth over 30 % in two weeks went
 * with more knee-type injuries in novices, with an uncertain interval (Nielsen 2014).
 */
import { useCallback } from 'preact/hooks';
import { ChartFigure } from '../charts/chart-figure.tsx';
import { ChartLegend } from '../charts/chart-legend.tsx';
import type { LoadChartData } from '../charts/load-chart-data.ts';
import { loadPlotCharts } from '../charts/load-plot-charts.ts';
import { CHART_COLOR, inUnits, latestWeeks, round1, signedPct } from '../charts/plot-basics.ts';
import { useUnits } from '../settings-context.tsx';
import type { LoadReport } from '../types/load.ts';
import { TrainingChartCard } from './training-chart-card.tsx';

const HEIGHT = 220;

export function TrainingWeeklyChart(props: { data: LoadChartData; report: LoadReport }) {
  const units = useUnits();
  const { data } = props;
  const evidence = props.report.weeklyChangeEvidence;
  const render = useCallback(
    async (width: number) =>
      (await loadPlotCharts()).weeklyDistancePlot(data.weeks, {
        width,
        height: HEIGHT,
        xDomain: data.xDomain,
        unitLabel: units.label,
        ariaLabel: `Weekly running distance in ${units.label}, ${data.from} to ${data.to}`,
      }),
    [data, units.label],
  );
  const ran = data.weeks.filter((w) => w.runs > 0);
  const total = data.weeks.reduce((sum, w) => sum + w.distance, 0);
  const biggest = data.weeks.reduce<(typeof data.weeks)[number] | null>(
    (best, w) => (best === null || w.distance > best.distance ? w : best),
    null,
  );
  const spikeWeeks = data.weeks.filter((w) => w.spike);
  const incomplete = data.weeks.some((w) => !w.complete);

  return (
    <TrainingChartCard
      id="weekly-distance"
      title="Weekly distance"
      evidence={{
        level: 'Mixed evidence',
        text: (
          <>
            {evidence.tenPercentRule.claim} {evidence.tenPercentRule.finding}{' '}
            {evidence.twoWeekProgression.finding}
          </>
        ),
        source: `${evidence.tenPercentRule.source}; ${evidence.twoWeekProgression.source}`,
      }}
      // Weeks with no run at all draw a chart with nothing on its scale (full-height bars at '0.000000').
      empty={ran.length === 0 ? 'No runs in this range.' : null}
    >
      <ChartFigure
        name="weekly-distance"
        height={HEIGHT}
        render={render}
        legend={
          <ChartLegend
            label="Key for weekly distance"
            items={[
              { label: 'Week', color: CHART_COLOR.primary, shape: 'bar' },
              { label: 'Week with a spike run (▲)', color: CHART_COLOR.spike, shape: 'triangle' },
              ...(incomplete
                ? [
                    {
                      label: 'Week not over yet',
                      color: CHART_COLOR.primary,
                      shape: 'bar' as const,
                      faded: true,
                    },
                  ]
                : []),
            ]}
          />
        }
        caption={
          <>
            {data.weeks.length} weeks from {data.from} to {data.to}: {inUnits(total, units.label)} in{' '}
            {ran.length} weeks with runs, on average{' '}
            {inUnits(total / Math.max(1, data.weeks.length), units.label)} a week.
            {biggest && biggest.distance > 0 && (
              <>
                {' '}
                The biggest week began {biggest.weekStart} ({inUnits(biggest.distance, units.label)}).
              </>
            )}{' '}
            {spikeWeeks.length === 0
              ? 'No week held a spike run.'
              : `${spikeWeeks.length} ${spikeWeeks.length === 1 ? 'week held' : 'weeks held'} a spike run: ${latestWeeks(spikeWeeks.map((w) => w.weekStart))}.`}
          </>
        }
        table={{
          summary: 'Table of weekly distance',
          count: data.weeks.length,
          countLabel: 'weeks',
          columns: ['Week of', `Distance (${units.label})`, 'Runs', 'Change on the week before', 'Spike run'],
          rows: () =>
            data.weeks.map((w) => [
              w.weekStart + (w.complete ? '' : ' (not over)'),
              round1(w.distance).toFixed(1),
              w.runs,
              w.changePct === null ? '–' : signedPct(w.changePct),
              w.spike ? 'Yes' : 'No',
            ]),
        }}
      />
    </TrainingChartCard>
  );
}
