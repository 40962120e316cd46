/**
 * A factor's own numbers (the `numbers` of `why --json`), labelled and shown in the runner's units. Keys
 * follow a naming convention in src/domain/causes: …M metres, …Pct percent, …Share a 0–1 share, …Spm steps
 * per minute, …Mps metres per second; ids are left out (they mean nothing to a runner).
 */
import { elevationUnit, elevationValue } from '../charts/elevation.ts';
import { signedPct } from '../charts/plot-basics.ts';
import { type Units, useUnits } from '../settings-context.tsx';

const LABELS: Readonly<Record<string, string>> = {
  localDate: 'Date of the run',
  distanceM: 'Distance',
  longestPrev30dM: 'Longest run of the 30 days before',
  spikePct: 'Past that longest run by',
  spikeCategory: 'Study bin',
  ceilingM: 'Ceiling for the next runs',
  recent14dM: 'Last two weeks',
  previous14dM: 'The two weeks before',
  changePct: 'Change',
  breakDays: 'Days without running',
  lastRunBefore: 'Last run before the break',
  firstRunBack: 'First run back',
  firstRunBackM: 'First run back, distance',
  usualRunBeforeM: 'Usual run before the break',
  runsSinceReturn: 'Runs since the return',
  restDaysRecent14d: 'Rest days, last two weeks',
  usualRestDaysPer14d: 'Usual rest days per two weeks',
  recentLongestShare: "Longest run's share of the last two weeks",
  usualLongestShare: 'Usual share',
  shoeName: 'Shoes',
  distanceAtOnsetM: 'Distance on them at the onset',
  nudgeM: 'Common advice starts at',
  checkM: 'Upper end of the common advice',
  firstRunDate: 'First run in them',
  recentShare: 'Share of the last two weeks',
  descentRecent14dM: 'Descent, last two weeks',
  descentPerKmM: 'Descent per distance, last two weeks',
  usualDescentPerKmM: 'Usual descent per distance',
  biggestRunDescentM: 'Most descent in one run',
  biggestRunDate: 'That run was on',
  usualBiggestRunDescentM: 'Usual most descent in one run',
  recentSpeedMps: 'Pace, last two weeks',
  usualSpeedMps: 'Usual pace',
  speedChangePct: 'Speed change',
  recentCadenceSpm: 'Cadence, last two weeks',
  usualCadenceSpm: 'Usual cadence',
  dropPct: 'Drop',
  shiftShare: 'How much the surface mix shifted',
  surface: 'Surface that grew most',
  usualShare: 'Usual share',
};

const HIDDEN = new Set(['activityId', 'shoeId']);
const ELEVATION_KEYS = /^(descent|biggestRunDescent|usualBiggestRunDescent|descentRecent14d)M$/;

function pace(speedMps: number, units: Units): string {
  return units.pace(1000, 1000 / speedMps);
}

export function formatFactorNumber(key: string, value: number | string | null, units: Units): string {
  if (value === null) return '–';
  if (typeof value === 'string') return value;
  if (key === 'descentPerKmM' || key === 'usualDescentPerKmM') {
    // metres per km → feet per mile for a runner in miles
    const perUnit = units.units === 'mi' ? elevationValue(value, 'mi') * 1.609344 : value;
    return `${Math.round(perUnit * 10) / 10} ${elevationUnit(units.units)} per ${units.label}`;
  }
  if (ELEVATION_KEYS.test(key))
    return `${Math.round(elevationValue(value, units.units))} ${elevationUnit(units.units)}`;
  if (key.endsWith('Mps')) return pace(value, units);
  if (key.endsWith('M'))
    return key === 'ceilingM' ? units.distance(value, { roundDown: true }) : units.distance(value);
  // A drop is already a signed quantity by its name ("Drop 4.7 %"); a change keeps its sign.
  if (key === 'dropPct') return `${Math.round(value * 10) / 10} %`;
  if (key.endsWith('Pct')) return signedPct(value);
  if (key.endsWith('Share')) return `${Math.round(value * 100)} %`;
  if (key.endsWith('Spm')) return `${Math.round(value)} steps/min`;
  return String(Math.round(value * 10) / 10);
}

function labelOf(key: string): string {
  return LABELS[key] ?? key.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());
}

export function WhyNumbers(props: { numbers: Record<string, number | string | null> }) {
  const units = useUnits();
  const entries = Object.entries(props.numbers).filter(([key]) => !HIDDEN.has(key));
  if (entries.length === 0) return null;
  return (
    <dl class="why-numbers">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{labelOf(key)}</dt>
          <dd>{formatFactorNumber(key, value, units)}</dd>
        </div>
      ))}
    </dl>
  );
}
