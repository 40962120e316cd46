/**
 * The last weeks as a calendar table: one row per week (starting on the runner's week-start day), one cell
 * per day with the distance run (a bar plus the number) and the highest pain noted (a coloured badge plus
 * the number). Each cell also carries a full sentence for screen readers: "Tue 3 Jun: 8.0 km, pain 4/10".
 * Days with journal entries are buttons that show those entries.
 */

import { dayMonth, shortDay, weekdayName } from '../format-dates.ts';
import { useUnits } from '../settings-context.tsx';
import type { JournalCalendar } from '../types/journal.ts';
import { type CalendarCell, calendarWeeks, longestDay } from './calendar-grid.ts';
import { painBand, painWords } from './pain-words.ts';

function cellSentence(cell: CalendarCell, distance: (m: number) => string): string {
  const d = cell.day;
  const ran = d.distanceM > 0 ? distance(d.distanceM) : 'no run';
  const pain =
    d.maxPain === null
      ? d.entries > 0
        ? 'pain not scored'
        : 'no pain noted'
      : `pain ${d.maxPain}/10 (${painWords(d.maxPain)})`;
  const entries = d.entries > 0 ? `, ${d.entries} journal ${d.entries === 1 ? 'entry' : 'entries'}` : '';
  return `${shortDay(cell.date)}: ${ran}, ${pain}${entries}`;
}

function DayCell(props: {
  cell: CalendarCell;
  longest: number;
  today: string;
  selected: boolean;
  onSelect: (date: string) => void;
}) {
  const units = useUnits();
  const { cell } = props;
  if (!cell.inRange) return <td class="cal-out" aria-hidden="true" />;
  const d = cell.day;
  const height = d.distanceM > 0 ? Math.max(8, Math.round((d.distanceM / props.longest) * 100)) : 0;
  const visible = (
    <>
      <span class="cal-date" aria-hidden="true">
        {/* The first of a month names the month, so "1" is never ambiguous. */}
        {cell.date.endsWith('-01') ? dayMonth(cell.date) : Number(cell.date.slice(8))}
      </span>
      <span class="cal-bar-track" aria-hidden="true">
        {height > 0 && <span class="cal-bar" style={{ height: `${height}%` }} />}
      </span>
      <span class="cal-km" aria-hidden="true">
        {d.distanceM > 0 ? units.value(d.distanceM).toFixed(1) : ''}
      </span>
      <span class="cal-pain" aria-hidden="true">
        {d.maxPain !== null && (
          <span class="pain-badge" data-band={painBand(d.maxPain)}>
            {d.maxPain}
          </span>
        )}
      </span>
      <span class="visually-hidden">{cellSentence(cell, units.distance)}</span>
    </>
  );
  const cls = `cal-day${cell.date === props.today ? ' cal-today' : ''}${props.selected ? ' cal-selected' : ''}`;
  return (
    <td class={cls} data-date={cell.date}>
      {d.entries > 0 ? (
        <button
          type="button"
          class="cal-button"
          aria-pressed={props.selected}
          onClick={() => props.onSelect(cell.date)}
        >
          {visible}
        </button>
      ) : (
        <div class="cal-static">{visible}</div>
      )}
    </td>
  );
}

export function PainCalendar(props: {
  calendar: JournalCalendar;
  weekStart: 'monday' | 'sunday';
  today: string;
  selected: string | null;
  onSelect: (date: string) => void;
}) {
  const units = useUnits();
  const weeks = calendarWeeks(props.calendar.from, props.calendar.to, props.calendar.days, props.weekStart);
  const longest = longestDay(props.calendar.days);
  const header = weeks[0]?.cells ?? [];
  return (
    <div class="table-scroll pain-calendar-wrap">
      <table class="pain-calendar">
        <caption>
          {shortDay(props.calendar.from)} to {shortDay(props.calendar.to)}: distance run each day (a bar and
          the number in {units.label}) and the highest pain noted (a coloured number out of 10). Days with
          entries open them.
        </caption>
        <thead>
          <tr>
            <th scope="col" class="cal-week-head">
              Week
            </th>
            {header.map((c) => (
              <th scope="col" key={c.date}>
                {weekdayName(c.date)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((w) => (
            <tr key={w.start}>
              <th scope="row" class="cal-week">
                {dayMonth(w.start)}
              </th>
              {w.cells.map((c) => (
                <DayCell
                  key={c.date}
                  cell={c}
                  longest={longest}
                  today={props.today}
                  selected={props.selected === c.date}
                  onSelect={props.onSelect}
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p class="cal-legend" aria-hidden="true">
        Pain:{' '}
        <span class="pain-badge" data-band="none">
          0
        </span>{' '}
        none{' '}
        <span class="pain-badge" data-band="mild">
          1–3
        </span>{' '}
        mild{' '}
        <span class="pain-badge" data-band="moderate">
          4–6
        </span>{' '}
        moderate{' '}
        <span class="pain-badge" data-band="severe">
          7–10
        </span>{' '}
        severe · bar and number: distance in {units.label}
      </p>
    </div>
  );
}
