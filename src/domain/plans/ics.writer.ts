/**
 * iCalendar (RFC 5545) text for a plan: one all-day VEVENT per session (rest days are left out). Pure text:
 * the caller passes the creation instant (DTSTAMP is required in every event) and writes the file.
 * RFC 5545 details that matter here: CRLF line ends (3.1), lines folded at 75 octets without splitting a
 * UTF-8 character (3.1), TEXT escaping of backslash, semicolon, comma and newline (3.3.11), and DATE values
 * with an exclusive DTEND for all-day events (3.6.1).
 */
import { addDays } from '../load/calendar-day.ts';
import type { DistanceUnits } from '../units.ts';
import { formatPlanDistance } from './plan-distance.ts';

export interface IcsSession {
  date: string;
  kind: string;
  title: string;
  note: string;
  distanceM: number | null;
}

export interface IcsOptions {
  /** Creation instant as ISO-8601 UTC, e.g. "2026-03-01T08:00:00.000Z". */
  createdAt: string;
  /** Identifies this plan in UIDs, so re-importing the same plan updates rather than duplicates events. */
  planId: string;
  calendarName?: string;
  /** Distances in the summaries (km when not given), with the plan's one rounding. */
  units?: DistanceUnits;
}

const encoder = new TextEncoder();

export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Splits a content line into chunks of at most 75 octets; continuation lines start with one space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    const limit = parts.length === 0 ? 75 : 74; // the leading space of a continuation counts
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function icsDate(date: string): string {
  return date.replace(/-/g, '');
}

function icsInstant(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(iso);
  if (!match) throw new Error(`Expected an ISO-8601 UTC instant, got "${iso}"`);
  return `${match[1]}${match[2]}${match[3]}T${match[4]}${match[5]}${match[6]}Z`;
}

function summaryOf(s: IcsSession, units: DistanceUnits): string {
  return s.distanceM !== null ? `${s.title} (${formatPlanDistance(s.distanceM, units)})` : s.title;
}

export function writeIcs(sessions: readonly IcsSession[], options: IcsOptions): string {
  const stamp = icsInstant(options.createdAt);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//kneewise//training plan//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.calendarName ?? 'kneewise plan')}`,
  ];
  const perDay = new Map<string, number>();
  for (const s of sessions) {
    if (s.kind === 'rest') continue;
    const n = (perDay.get(s.date) ?? 0) + 1;
    perDay.set(s.date, n);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${icsDate(s.date)}-${s.kind}-${n}-${options.planId}@kneewise`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(s.date)}`,
      `DTEND;VALUE=DATE:${icsDate(addDays(s.date, 1))}`,
      `SUMMARY:${escapeText(summaryOf(s, options.units ?? 'km'))}`,
      `DESCRIPTION:${escapeText(s.note)}`,
      `CATEGORIES:${escapeText(s.kind)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
