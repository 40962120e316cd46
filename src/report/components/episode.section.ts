/**
 * The current pain episode: when, where, how bad over time, swelling and what provokes it, beside one timeline
 * of weekly load and pain. The journal table is bounded (the first, the worst and the latest entries) so the
 * report stays on two pages however long the journal grows; every entry is still in the timeline.
 */
import { timelineChart } from '../charts/timeline.chart.ts';
import { html, type SafeHtml } from '../html.template.ts';
import type { PainPoint, ReportData } from '../report-data.ts';
import { chartFigure } from './chart.figure.ts';
import { longDate, regions, score, sides } from './display.format.ts';

/** Rows of the journal table at most: enough to show the course, few enough for two pages. */
export const MAX_JOURNAL_ROWS = 6;
/** A note longer than this is cut at a word boundary (the runner keeps the full text in the app). */
const MAX_NOTE_CHARS = 150;

function worst(p: PainPoint): number {
  return Math.max(p.during ?? -1, p.after ?? -1, p.nextMorning ?? -1);
}

/** The first entry, the worst one and the latest ones, in date order, at most `max`. */
export function journalRows(entries: readonly PainPoint[], max = MAX_JOURNAL_ROWS): PainPoint[] {
  if (entries.length <= max) return [...entries];
  const picked = new Set<number>([0]);
  let worstIndex = 0;
  entries.forEach((e, i) => {
    if (worst(e) > worst(entries[worstIndex] as PainPoint)) worstIndex = i;
  });
  picked.add(worstIndex);
  for (let i = entries.length - 1; picked.size < max && i > 0; i--) picked.add(i);
  return [...picked].sort((a, b) => a - b).map((i) => entries[i] as PainPoint);
}

export function shortNote(note: string | null): string {
  if (note === null) return '';
  if (note.length <= MAX_NOTE_CHARS) return note;
  const cut = note.slice(0, MAX_NOTE_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_NOTE_CHARS - 20)).trimEnd()} …`;
}

export function episodeSection(data: ReportData): SafeHtml {
  const e = data.episode;
  if (e === null) {
    return html`<section class="episode" aria-labelledby="h-episode">
<h2 id="h-episode">Current episode</h2>
<p class="empty-state">No pain episode in the journal: the runner has not logged knee pain. Training is shown below.</p>
</section>`;
  }
  const shown = journalRows(e.entries);
  const rows = shown.map(
    (p) =>
      html`<tr><td class="date">${longDate(p.date)}</td><td class="num">${score(p.during)}</td><td class="num">${score(p.after)}</td><td class="num">${score(p.nextMorning)}</td><td>${p.swelling ?? '–'}</td><td class="note">${shortNote(p.note)}</td></tr>`,
  );
  const caption =
    shown.length < e.entries.length
      ? `Pain journal (0–10): ${shown.length} of ${e.entries.length} entries — the first, the worst and the latest; every entry is in the timeline`
      : `Pain journal (0–10), ${e.entries.length === 1 ? '1 entry' : `${e.entries.length} entries`}`;
  const timeline = chartFigure(
    'Weekly running distance and worst pain',
    `${data.units} per week; pain 0–10 on the right`,
    [
      { swatch: 'sw-bar', label: 'before onset' },
      { swatch: 'sw-bar-onset', label: 'onset week' },
      { swatch: 'sw-bar-after', label: 'after onset' },
      { swatch: 'sw-pain-worst', label: 'worst pain that week' },
      { swatch: 'sw-spike', label: 'week with a run >30 % over the 30-day longest' },
    ],
    timelineChart(data.training.weeks, e.entries, e.onset, data.units),
  );
  return html`<section class="episode" aria-labelledby="h-episode">
<h2 id="h-episode">Current episode</h2>
<div class="two-col">
<div>
<table class="facts"><caption class="visually-hidden">Episode facts</caption><tbody>
<tr><th scope="row">Onset</th><td>${longDate(e.onset)}${e.onsetType === null ? '' : ` (${e.onsetType})`}</td></tr>
<tr><th scope="row">Last entry</th><td>${longDate(e.lastDate)}</td></tr>
<tr><th scope="row">Side</th><td>${sides(e.sides)}</td></tr>
<tr><th scope="row">Where</th><td>${regions(e.regions)}</td></tr>
<tr><th scope="row">Worst pain</th><td>${e.peakPain} / 10</td></tr>
<tr><th scope="row">Swelling</th><td>${e.swelling ?? 'not recorded'}</td></tr>
<tr><th scope="row">Worse with</th><td>${e.worseWith.length === 0 ? 'not recorded' : e.worseWith.join(', ')}</td></tr>
</tbody></table>
</div>
${timeline}
</div>
<table class="grid-table journal"><caption>${caption}</caption>
<thead><tr><th scope="col">Date</th><th scope="col" class="num">During</th><th scope="col" class="num">After</th><th scope="col" class="num">Next morning</th><th scope="col">Swelling</th><th scope="col">Note</th></tr></thead>
<tbody>${rows}</tbody></table>
</section>`;
}
