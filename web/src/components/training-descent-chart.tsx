/**
 * (c) Descent per week against the runner's own 4-week baseline. Lab evidence: downhill running raises impact
 * and braking forces at the knee; the +50 % mark is kneewise's own heuristic, and the card says so.
 */
import { useCallback } from 'preact/hooks';
import { FLAG_EVIDENCE, FLAG_SOURCES } from '../../../src/domain/load/load-flag.messages.ts';
import { ChartFigure } from '../charts/chart-figure.tsx';
import { ChartLegend } from '../charts/chart-legend.tsx';
import { elevationUnit } from '../charts/elevation.ts';
import type { LoadChartData } from '../charts/load-chart-data.ts';
import { loadPlotCharts } from '../charts/load-plot-charts.ts';
import { CHART_COLOR, latestWeeks, signedPct } from '../charts/plot-basics.ts';
import { wholeWithCommas } from '../format-numbers.ts';
import { useUnits } from '../settings-context.tsx';
import { TrainingChartCard } from './training-chart-card.tsx';

const HEIGHT = 200;

export function TrainingDescentChart(props: { data: LoadChartData }) {
  const units = useUnits();
  const unit = elevationUnit(units.units);
  const { data } = props;
  const render = useCallback(
    async (width: number) =>
      (await loadPlotCharts()).descentPlot(data.descent, {
        width,
        height: HEIGHT,
        xDomain: data.xDomain,
        elevationLabel: unit,
        ariaLabel: `Descent per week in ${unit} against your 4-week average, ${data.from} to ${data.to}`,
      }),
    [data, unit],
  );
  const known = data.descent.filter((d) => d.descent !== null && d.descent > 0);
  const jumps = data.descent.filter((d) => d.jump);
  const latest = [...data.descent].reverse().find((d) => d.descent !== null);
  const round = (x: number) => `${wholeWithCommas(x)} ${unit}`;

  return (
    <TrainingChartCard
      id="descent"
      title="Downhill: descent per week"
      evidence={{
        level: 'Lab evidence',
        text: FLAG_EVIDENCE.descent_increase,
        source: FLAG_SOURCES.descent_increase,
      }}
      empty={
        data.descent.length === 0
          ? 'No runs in this range.'
          : known.length === 0
            ? 'No descent recorded in this range: these runs carry no altitude (or were flat).'
            : null
      }
    >
      <ChartFigure
        name="descent"
        height={HEIGHT}
        render={render}
        legend={
          <ChartLegend
            label="Key for descent"
            items={[
              { label: 'Descent in the week', color: CHART_COLOR.primary, shape: 'bar' },
              { label: 'Your 4-week average before it', color: CHART_COLOR.baseline, shape: 'dashed' },
              { label: 'More than 50 % over (▲)', color: CHART_COLOR.spike, shape: 'triangle' },
            ]}
          />
        }
        caption={
          <>
            Metres down per week{unit === 'ft' ? ' (in feet)' : ''}, against the mean of the 4 weeks before.{' '}
            {latest && latest.descent !== null && (
              <>
                Week of {latest.weekStart}: {round(latest.descent)}
                {latest.baseline !== null && <> against your usual {round(latest.baseline)}</>}.{' '}
              </>
            )}
            {jumps.length === 0
              ? 'No week went more than 50 % over its baseline.'
              : `${jumps.length} ${jumps.length === 1 ? 'week went' : 'weeks went'} more than 50 % over: ${latestWeeks(jumps.map((j) => j.weekStart))}.`}
          </>
        }
        table={{
          summary: 'Table of descent per week',
          count: data.descent.length,
          countLabel: 'weeks',
          columns: ['Week of', `Descent (${unit})`, `4-week average (${unit})`, 'Against it'],
          rows: () =>
            data.descent.map((d) => [
              d.weekStart,
              d.descent === null ? 'unknown' : Math.round(d.descent),
              d.baseline === null ? '–' : Math.round(d.baseline),
              d.changePct === null ? '–' : signedPct(d.changePct),
            ]),
        }}
      />
    </TrainingChartCard>
  );
}
