/**
 * Ticks for a UTC time axis and their labels, as d3's utcTicks and Observable Plot's bottom axis make them:
 * about `count` dates on a calendar interval (every 3 hours, day, other day, Sunday, month, quarter, year or
 * n years), labelled on two lines where the larger unit changes ("4" over "Oct", then "11", "18"…). Written
 * out here so the Training screen's first chart can be drawn before Plot has arrived;
 * test/web/hand-drawn-axes.test.ts holds them to d3's ticks and Plot's labels on random domains.
 */
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

/** A calendar interval in UTC milliseconds: the boundary at or before a time, and the one `n` after. */
interface Interval {
  floor: (t: number) => number;
  offset: (t: number, n: number) => number;
  /** The number `every(step)` keeps multiples of (d3-time's field); none for weeks and years. */
  field?: (t: number) => number;
}

const fixed = (size: number, field: (t: number) => number): Interval => ({
  floor: (t) => Math.floor(t / size) * size,
  offset: (t, n) => t + n * size,
  field,
});

const utcSecond = fixed(SECOND, (t) => new Date(t).getUTCSeconds());
const utcMinute = fixed(MINUTE, (t) => new Date(t).getUTCMinutes());
const utcHour = fixed(HOUR, (t) => new Date(t).getUTCHours());
/** Days counted from 1970-01-01, so "every other day" is the same days whatever the domain (d3's unixDay). */
const unixDay = fixed(DAY, (t) => Math.floor(t / DAY));
const utcSunday: Interval = {
  floor: (t) => {
    const day = Math.floor(t / DAY) * DAY;
    return day - new Date(day).getUTCDay() * DAY;
  },
  offset: (t, n) => t + n * WEEK,
};
const utcMonth: Interval = {
  floor: (t) => {
    const d = new Date(t);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  },
  offset: (t, n) => {
    const d = new Date(t);
    d.setUTCMonth(d.getUTCMonth() + n);
    return d.getTime();
  },
  field: (t) => new Date(t).getUTCMonth(),
};

/** Every `k` years, on years divisible by k. */
function utcYears(k: number): Interval {
  return {
    floor: (t) => Date.UTC(Math.floor(new Date(t).getUTCFullYear() / k) * k, 0, 1),
    offset: (t, n) => {
      const d = new Date(t);
      d.setUTCFullYear(d.getUTCFullYear() + n * k);
      return d.getTime();
    },
  };
}

/** The times from `start` (included) to `stop` (excluded) on `interval`, keeping multiples of `step` of its field. */
function range(interval: Interval, step: number, start: number, stop: number): number[] {
  const out: number[] = [];
  let t = interval.floor(start);
  if (t < start) t = interval.offset(t, 1);
  const field = interval.field;
  for (; t < stop; t = interval.offset(t, 1)) {
    if (step <= 1 || field === undefined || field(t) % step === 0) out.push(t);
  }
  return out;
}

/** [interval, step, duration]: d3-time's table for utcTicks. */
const TICK_INTERVALS: readonly [Interval, number, number][] = [
  [utcSecond, 1, SECOND],
  [utcSecond, 5, 5 * SECOND],
  [utcSecond, 15, 15 * SECOND],
  [utcSecond, 30, 30 * SECOND],
  [utcMinute, 1, MINUTE],
  [utcMinute, 5, 5 * MINUTE],
  [utcMinute, 15, 15 * MINUTE],
  [utcMinute, 30, 30 * MINUTE],
  [utcHour, 1, HOUR],
  [utcHour, 3, 3 * HOUR],
  [utcHour, 6, 6 * HOUR],
  [utcHour, 12, 12 * HOUR],
  [unixDay, 1, DAY],
  [unixDay, 2, 2 * DAY],
  [utcSunday, 1, WEEK],
  [utcMonth, 1, MONTH],
  [utcMonth, 3, 3 * MONTH],
  [utcYears(1), 1, YEAR],
];

/** About `count` dates from `start` to `stop` (both included when on the interval), start ≤ stop. */
export function utcTicks(start: Date, stop: Date, count: number): Date[] {
  const t0 = start.getTime();
  const t1 = stop.getTime();
  const target = Math.abs(t1 - t0) / count;
  let i = 0;
  while (i < TICK_INTERVALS.length && TICK_INTERVALS[i]![2] <= target) i += 1;
  let interval: Interval;
  let step: number;
  if (i === TICK_INTERVALS.length) {
    const years = Math.floor(yearTickStep(t0 / YEAR, t1 / YEAR, count));
    if (!(years > 0)) return [];
    [interval, step] = [utcYears(years), 1];
  } else if (i === 0) {
    const ms = Math.max(Math.floor(yearTickStep(t0, t1, count)), 1);
    [interval, step] = [fixed(ms, () => 0), 1];
  } else {
    const below = TICK_INTERVALS[i - 1]!;
    const above = TICK_INTERVALS[i]!;
    [interval, step] = target / below[2] < above[2] / target ? below : above;
  }
  return range(interval, step, t0, t1 + 1).map((t) => new Date(t));
}

/** d3-array's tickStep, for a span of years (or milliseconds). */
function yearTickStep(start: number, stop: number, count: number): number {
  const raw = (stop - start) / Math.max(0, count);
  const power = Math.floor(Math.log10(raw));
  const error = raw / 10 ** power;
  const factor = error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1;
  if (power >= 0) return 10 ** power * factor;
  return 1 / (10 ** -power / factor);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const two = (n: number) => String(n).padStart(2, '0');
const hour12 = (d: Date) => String(d.getUTCHours() % 12 || 12);
const ampm = (d: Date) => (d.getUTCHours() < 12 ? 'AM' : 'PM');

type Format = (d: Date) => string;

/** Plot's formats per unit for a bottom axis: the small unit always, the large one when it changes. */
const UNIT_FORMATS: readonly [unit: string, small: Format, large: Format | null, maxStep: number][] = [
  ['year', (d) => String(d.getUTCFullYear()), null, Number.POSITIVE_INFINITY],
  ['month', (d) => MONTHS[d.getUTCMonth()]!, (d) => String(d.getUTCFullYear()), Number.POSITIVE_INFINITY],
  ['day', (d) => String(d.getUTCDate()), (d) => MONTHS[d.getUTCMonth()]!, 6 * MONTH],
  ['hour', (d) => `${hour12(d)} ${ampm(d)}`, (d) => `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`, 3 * DAY],
  ['minute', (d) => `${hour12(d)}:${two(d.getUTCMinutes())}`, ampm, 6 * HOUR],
  [
    'second',
    (d) => `:${two(d.getUTCSeconds())}`,
    (d) => `${hour12(d)}:${two(d.getUTCMinutes())}`,
    30 * MINUTE,
  ],
];

const UNIT_FLOOR: Readonly<Record<string, (t: number) => number>> = {
  year: utcYears(1).floor,
  month: utcMonth.floor,
  day: unixDay.floor,
  hour: utcHour.floor,
  minute: utcMinute.floor,
  second: utcSecond.floor,
};

/** Plot's label for a date with no unit in common with its neighbours (ISO 8601, shortest exact form). */
function isoLabel(d: Date): string {
  const iso = d.toISOString();
  if (d.getUTCMilliseconds() !== 0) return iso;
  if (d.getUTCSeconds() !== 0) return `${iso.slice(0, 19)}Z`;
  if (d.getUTCHours() !== 0 || d.getUTCMinutes() !== 0) return `${iso.slice(0, 16)}Z`;
  return iso.slice(0, 10);
}

/**
 * Each tick's label as lines, as Plot's bottom axis writes them: the largest unit every tick falls on
 * decides the format; the second line appears when it differs from the tick before's ("Sep" under "20").
 */
export function utcTickLabels(ticks: readonly Date[]): string[][] {
  let step = 0;
  for (let i = 1; i < ticks.length; i += 1)
    step = Math.max(step, Math.abs(ticks[i]!.getTime() - ticks[i - 1]!.getTime()));
  if (ticks.length > 1 && step < SECOND) return conditional(ticks, MILLISECONDS, MINUTES_SECONDS);
  for (const [unit, small, large, maxStep] of UNIT_FORMATS) {
    if (step > maxStep) break;
    if (unit === 'hour' && step === 0) break;
    const floor = UNIT_FLOOR[unit]!;
    if (!ticks.every((d) => floor(d.getTime()) >= d.getTime())) continue;
    return large === null ? ticks.map((d) => [small(d)]) : conditional(ticks, small, large);
  }
  return ticks.map((d) => [isoLabel(d)]);
}

const MILLISECONDS: Format = (d) => `.${String(d.getUTCMilliseconds()).padStart(3, '0')}`;
const MINUTES_SECONDS: Format = (d) => `:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;

/** The small unit on every tick, the large one under it where it differs from the tick before's. */
function conditional(ticks: readonly Date[], small: Format, large: Format): string[][] {
  return ticks.map((d, i) => {
    const second = large(d);
    return i > 0 && large(ticks[i - 1]!) === second ? [small(d)] : [small(d), second];
  });
}
