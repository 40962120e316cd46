/**
 * The runner of issue 13's first story, as a Strava bulk export: ten weeks of flat road runs in "Road Glide"
 * (the default pair for runs in shoes.csv), then, from 20 days before today, hilly runs in a new pair,
 * "Hill Grip", ending in a long hilly run 13 days ago after which the outer knee began to hurt. Dates are
 * counted back from `today`, because the command line runs on the real clock. Every run is a GPX file
 * with cadence; the export's gear cell names the pair (one early run has none: it stays without shoes).
 */
import { addDays, DAY_MS, dayNumber } from '../../src/domain/load/calendar-day.ts';
import { buildStravaExportZip, type StravaExportActivity } from './export.factory.ts';
import { buildGpx } from './gpx.factory.ts';
import { SCREEN_ALL_CLEAR } from './knee-answers.factory.ts';

export const ROAD_PAIR = 'Road Glide';
export const HILL_PAIR = 'Hill Grip';
const SPEED_MPS = 3;

interface StoryRun {
  daysAgo: number;
  km: number;
  pair: string | null;
  hills: { count: number; heightM: number } | null;
}

/** The runs, oldest first. Road weeks: Tue 8, Thu 8, Sun 12 km; then hills, and the long hilly run. */
function storyRuns(): StoryRun[] {
  const runs: StoryRun[] = [];
  for (let week = 12; week >= 3; week--) {
    const base = week * 7;
    runs.push({ daysAgo: base + 5, km: 8, pair: ROAD_PAIR, hills: null });
    runs.push({ daysAgo: base + 3, km: 8, pair: week === 12 ? null : ROAD_PAIR, hills: null });
    runs.push({ daysAgo: base, km: 12, pair: ROAD_PAIR, hills: null });
  }
  const hill = { count: 4, heightM: 60 };
  runs.push({ daysAgo: 20, km: 8, pair: HILL_PAIR, hills: hill });
  runs.push({ daysAgo: 18, km: 8, pair: HILL_PAIR, hills: hill });
  runs.push({ daysAgo: 16, km: 10, pair: HILL_PAIR, hills: hill });
  runs.push({ daysAgo: 13, km: 18, pair: HILL_PAIR, hills: { count: 8, heightM: 70 } });
  runs.push({ daysAgo: 10, km: 6, pair: HILL_PAIR, hills: hill });
  runs.push({ daysAgo: 6, km: 6, pair: ROAD_PAIR, hills: null });
  runs.push({ daysAgo: 3, km: 5, pair: ROAD_PAIR, hills: null });
  return runs;
}

export interface HillRunnerStory {
  zip: Uint8Array;
  /** The day of the long hilly run, when the pain began. */
  onset: string;
  /** The day Hill Grip was first worn. */
  hillPairFirstRun: string;
  /** Pain journal entries for `kneewise pain log`, oldest first. */
  journal: { date: string; during?: number; after?: number; morning?: number; side: 'left' | 'right' }[];
}

export function hillRunnerStory(today: string): HillRunnerStory {
  const day = (daysAgo: number) => addDays(today, -daysAgo);
  const activities: StravaExportActivity[] = storyRuns().map((run, i) => {
    const startMs = dayNumber(day(run.daysAgo)) * DAY_MS + 7 * 3_600_000;
    const durationS = Math.round((run.km * 1000) / SPEED_MPS);
    const bytes = buildGpx({
      startMs,
      durationS,
      intervalS: 5,
      speedMps: SPEED_MPS,
      cadence: true,
      name: run.hills ? 'Hill repeats' : 'Road run',
      hills: run.hills,
    });
    return {
      id: 9_000_000 + i,
      type: 'Run',
      date: startMs,
      name: run.hills ? 'Hill repeats' : 'Road run',
      distanceM: run.km * 1000,
      movingS: durationS,
      elapsedS: durationS,
      ...(run.pair === null ? {} : { gear: run.pair }),
      file: { name: `${9_000_000 + i}.gpx`, bytes },
    };
  });
  const zip = buildStravaExportZip({
    activities,
    shoes: [
      { name: ROAD_PAIR, brand: 'Asics', model: 'Glide', defaultSportTypes: ['Run'] },
      { name: HILL_PAIR, brand: 'Salomon', model: 'Grip' },
    ],
  });
  return {
    zip,
    onset: day(13),
    hillPairFirstRun: day(20),
    journal: [
      { date: day(13), during: 3, after: 5, side: 'right' },
      { date: day(10), during: 4, after: 5, morning: 3, side: 'right' },
      { date: day(6), during: 4, after: 6, morning: 4, side: 'right' },
      { date: day(3), during: 5, after: 6, morning: 5, side: 'right' },
    ],
  };
}

/** The runner's knee-check answers: gradual outer-knee pain on downhills, a few km into a run; no red flags. */
export const OUTER_KNEE_ANSWERS = {
  age: 34,
  sex: 'male',
  side: 'right',
  ...SCREEN_ALL_CLEAR,
  durationDays: 13,
  improving: false,
  groinPain: false,
  backPain: false,
  limp: false,
  numbness: false,
  onset: 'gradual',
  painLocation: 'lateral',
  thighPain: true,
  downhillPain: true,
  stairsPain: false,
  squattingPain: false,
  sittingPain: false,
  kneelingPain: false,
  jumpingPain: false,
  locking: false,
  givingWay: false,
  catching: false,
  popHeard: false,
  twistingPain: false,
  painStartsAfterKm: 3,
  jointLineTenderness: false,
  focalBoneTenderness: false,
  hopPain: false,
  weightLoss: false,
};
