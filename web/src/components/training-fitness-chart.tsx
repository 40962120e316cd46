/**
 * (e) Fitness, fatigue and form: a planning model computed from the runner's load score, shown as context.
 * It is not a measurement and does not predict injury; the card says so before the numbers.
 */
import { useCallback } from 'preact/hooks';
import { ChartFigure } from '../charts/chart-figure.tsx';
import { ChartLegend } from '../charts/chart-legend.tsx';
import { FITNESS_STYLE } from '../charts/fitness-style.ts';
import type { LoadChartData } from '../charts/load-chart-data.ts';
import { loadPlotCharts } from '../charts/load-plot-charts.ts';
import { DAY_MS, dayDate } from '../charts/plot-basics.ts';
import type { LoadReport } from '../types/load.ts';
import { TrainingChartCard } from './training-chart-card.tsx';

const HEIGHT = 200;

export function TrainingFitnessChart(props: { data: LoadChartData; report: LoadReport }) {
  const { data } = props;
  const load = props.report.trainingLoad;
  const first = data.fitness[0]?.date ?? data.from;
  // The report carries the last 84 days: in a longer range, zoom to them rather than draw a short line at the end.
  const aligned = dayDate(first).getTime() - data.xDomain[0].getTime() < 14 * DAY_MS;
  const xDomain: [Date, Date] = aligned ? data.xDomain : [dayDate(first), data.xDomain[1]];
  const render = useCallback(
    async (width: number) =>
      (await loadPlotCharts()).fitnessPlot(data.fitness, {
        width,
        height: HEIGHT,
        xDomain,
        ariaLabel: `Fitness, fatigue and form from ${first} to ${data.to}`,
      }),
    [data, first, aligned],
  );
  const today = load.today;
  return (
    <TrainingChartCard
      id="fitness"
      title="Fitness, fatigue and form"
      evidence={{
        level: 'A model, not a measurement',
        text: (
          <>
            Fitness is a 42-day average of your daily load score, fatigue a 7-day one, and form the difference
            between them. {load.note}
          </>
        ),
        source: load.source,
      }}
      empty={data.fitness.length === 0 ? 'No load to model in this range.' : null}
    >
      <ChartFigure
        name="fitness"
        height={HEIGHT}
        render={render}
        legend={
          <ChartLegend
            label="Key for fitness, fatigue and form"
            items={(['fitness', 'fatigue', 'form'] as const).map((line) => ({
              label: FITNESS_STYLE[line].label,
              color: FITNESS_STYLE[line].color,
              shape: line === 'fitness' ? 'line' : line === 'fatigue' ? 'dashed' : 'dotted',
            }))}
          />
        }
        caption={
          <>
            On {today.date}: fitness {today.fitness}, fatigue {today.fatigue}, form {today.form}, in units of
            the {load.loadUnit}. Drawn for {first} to {data.to}; the report keeps the last 84 days.
          </>
        }
        table={{
          summary: 'Table of fitness, fatigue and form',
          count: data.fitness.length,
          countLabel: 'days',
          columns: ['Date', 'Fitness', 'Fatigue', 'Form'],
          rows: () => data.fitness.map((p) => [p.date, p.fitness, p.fatigue, p.form]),
        }}
      />
    </TrainingChartCard>
  );
}
