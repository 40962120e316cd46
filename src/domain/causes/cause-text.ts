import { dayNumber, dayOfWeek } from '../load/calendar-day.ts';
import { type DistanceUnits, formatDistance, metresToUnits } from '../units.ts';

/**
 * How the cause analysis writes the runner's numbers: distances in their units, paces as m:ss per km or mile,
 * days with their weekday so "Sunday's 22.5 km" reads like the runner remembers it.
 */
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export function weekdayOf(date: string): string {
  return WEEKDAYS[dayOfWeek(dayNumber(date))]!;
}

/** "Sunday 2025-05-04". */
export function dayLabel(date: string): string {
  return `${weekdayOf(date)} ${date}`;
}

export function dist(metres: number, units: DistanceUnits): string {
  return formatDistance(metres, units);
}

/** A ceiling, truncated so that the shown number is never above the real one. */
export function ceiling(metres: number, units: DistanceUnits): string {
  return formatDistance(metres, units, { roundDown: true });
}

/** Pace from a speed in m/s: "5:24 /km". */
export function pace(speedMps: number, units: DistanceUnits): string {
  if (!(speedMps > 0)) return 'n/a';
  const secondsPerUnit = 1 / metresToUnits(speedMps, units);
  let minutes = Math.floor(secondsPerUnit / 60);
  let seconds = Math.round(secondsPerUnit - minutes * 60);
  if (seconds === 60) {
    minutes += 1;
    seconds = 0;
  }
  return `${minutes}:${seconds.toString().padStart(2, '0')} /${units}`;
}

export function percent(value: number): string {
  return `${Math.round(value)} %`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
