/**
 * Training: the runner's load over time from GET /api/load/range (= `kneewise load --json`, cut to the range
 * drawn). Five charts, each with how strong the evidence behind it is: single-run spikes first (the strongest
 * evidence for runners), then weekly distance, descent, cadence, and the fitness/fatigue model; then what
 * stands out and context numbers. A range selector picks the days drawn, and only those travel (the server
 * cuts the report), so a ten-year history stays quick; while another range loads, the charts drawn stay up.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import { useApi } from '../api.ts';
import { type LoadChartData, loadChartData, reportCovers, totalRunsOf } from '../charts/load-chart-data.ts';
import {
  DEFAULT_TRAINING_RANGE,
  TRAINING_RANGES,
  type TrainingRangeId,
  trainingLoadPath,
} from '../charts/training-ranges.ts';
import { Screen } from '../components/screen.tsx';
import { ErrorMessage, Loading } from '../components/status-messages.tsx';
import { TrainingCadenceChart } from '../components/training-cadence-chart.tsx';
import { TrainingContextCards } from '../components/training-context-cards.tsx';
import { TrainingDescentChart } from '../components/training-descent-chart.tsx';
import { TrainingFitnessChart } from '../components/training-fitness-chart.tsx';
import { TrainingFlags } from '../components/training-flags.tsx';
import { TrainingRangePicker } from '../components/training-range-picker.tsx';
import { TrainingSpikeChart } from '../components/training-spike-chart.tsx';
import { TrainingWeeklyChart } from '../components/training-weekly-chart.tsx';
import { useStagedCount } from '../components/use-staged-count.ts';
import { useUnits } from '../settings-context.tsx';
import type { LoadReport, RangedLoadReport } from '../types/load.ts';
import './training.screen.css';

interface Shown {
  report: LoadReport | RangedLoadReport;
  range: TrainingRangeId;
  data: LoadChartData;
}

/** The five chart cards, mounted one after another (use-staged-count.ts). */
const CHART_COUNT = 5;

export function TrainingScreen() {
  const [range, setRange] = useState<TrainingRangeId>(DEFAULT_TRAINING_RANGE);
  const load = useApi<LoadReport | RangedLoadReport>(trainingLoadPath(range));
  const units = useUnits();
  const fresh = load.data;
  const current = useMemo<Shown | null>(
    () =>
      fresh === null || !reportCovers(fresh, range)
        ? null
        : { report: fresh, range, data: loadChartData(fresh, range, units.units) },
    [fresh, range, units.units],
  );
  // Until the new range's report arrives, the last one drawn stays (with its own range in the status line).
  const last = useRef<Shown | null>(null);
  if (current !== null) last.current = current;
  const shown = current ?? last.current;
  const report = shown?.report ?? null;
  const data = shown?.data ?? null;
  const totalRuns = report === null ? 0 : totalRunsOf(report);
  // The first chart with the screen, then the next ones, then the flags and context cards below them.
  const staged = useStagedCount(CHART_COUNT + 1, data !== null && totalRuns > 0);

  return (
    <Screen
      title="Training"
      intro="Your running load over time, with how much each measure is worth according to the studies behind it."
    >
      {load.error && <ErrorMessage error={load.error} retry={load.reload} />}
      {!report && !load.error && <Loading what="your training" />}
      {report && data && totalRuns === 0 && (
        <div class="card empty-state">
          <p>{report.message ?? 'No runs yet.'}</p>
          <p>
            <a href="#/welcome">Import your runs</a> to see your load.
          </p>
        </div>
      )}
      {report && data && shown && totalRuns > 0 && (
        <>
          {report.message && <p class="alert alert-info">{report.message}</p>}
          <div class="training-toolbar">
            <TrainingRangePicker value={range} onChange={setRange} />
            <p class="range-status" aria-live="polite">
              {TRAINING_RANGES.find((r) => r.id === shown.range)?.label}: {data.from} to {data.to},{' '}
              {data.runs.length} {data.runs.length === 1 ? 'run' : 'runs'}
              {shown !== current && ' (loading the range you chose…)'}.
            </p>
          </div>
          <div data-testid="training-charts" aria-busy={shown !== current || staged <= CHART_COUNT}>
            {[
              <TrainingSpikeChart key="spikes" data={data} report={report} />,
              <TrainingWeeklyChart key="weekly" data={data} report={report} />,
              <TrainingDescentChart key="descent" data={data} />,
              <TrainingCadenceChart key="cadence" data={data} />,
              <TrainingFitnessChart key="fitness" data={data} report={report} />,
            ].slice(0, staged)}
          </div>
          {staged > CHART_COUNT && (
            <>
              <TrainingFlags report={report} />
              <TrainingContextCards report={report} />
              <p class="algorithm muted">
                Computed with {report.algorithmVersion} on {report.asOf}
                {report.duplicatesIgnored > 0 &&
                  `; ${report.duplicatesIgnored} duplicate ${report.duplicatesIgnored === 1 ? 'activity' : 'activities'} ignored`}
                . Load scores: {report.loadScoring.source}.
              </p>
            </>
          )}
        </>
      )}
    </Screen>
  );
}
