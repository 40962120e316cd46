/**
 * Training: the runner's load over time from GET /api/load (= `kneewise load --json`). Five charts, each with
 * how strong the evidence behind it is: single-run spikes first (the strongest evidence for runners), then
 * weekly distance, descent, cadence, and the fitness/fatigue model; then what stands out and context numbers.
 * A range selector cuts the report before anything is drawn, so a ten-year history stays quick.
 */
import { useMemo, useState } from 'preact/hooks';
import { useApi } from '../api.ts';
import { loadChartData, TRAINING_RANGES, type TrainingRangeId } from '../charts/load-chart-data.ts';
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
import { useUnits } from '../settings-context.tsx';
import type { LoadReport } from '../types/load.ts';
import './training.screen.css';

export function TrainingScreen() {
  const load = useApi<LoadReport>('/load');
  const units = useUnits();
  const [range, setRange] = useState<TrainingRangeId>('12w');
  const report = load.data;
  const data = useMemo(
    () => (report === null ? null : loadChartData(report, range, units.units)),
    [report, range, units.units],
  );

  return (
    <Screen
      title="Training"
      intro="Your running load over time, with how much each measure is worth according to the studies behind it."
    >
      {load.error && <ErrorMessage error={load.error} retry={load.reload} />}
      {!report && !load.error && <Loading what="your training" />}
      {report && data && report.runs.length === 0 && (
        <div class="card empty-state">
          <p>{report.message ?? 'No runs yet.'}</p>
          <p>
            <a href="#/welcome">Import your runs</a> to see your load.
          </p>
        </div>
      )}
      {report && data && report.runs.length > 0 && (
        <>
          {report.message && <p class="alert alert-info">{report.message}</p>}
          <div class="training-toolbar">
            <TrainingRangePicker value={range} onChange={setRange} />
            <p class="range-status" aria-live="polite">
              {TRAINING_RANGES.find((r) => r.id === range)?.label}: {data.from} to {data.to},{' '}
              {data.runs.length} {data.runs.length === 1 ? 'run' : 'runs'}.
            </p>
          </div>
          <div data-testid="training-charts">
            <TrainingSpikeChart data={data} report={report} />
            <TrainingWeeklyChart data={data} report={report} />
            <TrainingDescentChart data={data} />
            <TrainingCadenceChart data={data} />
            <TrainingFitnessChart data={data} report={report} />
          </div>
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
    </Screen>
  );
}
