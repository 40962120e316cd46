/**
 * The latest saved assessment: urgency with reasons, the differential as one ordered list (what must be ruled
 * out first, then the likely conditions), and the red-flag screen with "not asked" apart from "not answered".
 */
import { html, type SafeHtml } from '../html.template.ts';
import type { DifferentialItem, ReportData } from '../report-data.ts';
import { longDate, percent, urgency } from './display.format.ts';

/** Rows of the differential shown: the must-not-miss entries and the likeliest conditions. */
const MAX_DIFFERENTIAL_ROWS = 6;

function likelihoodWords(item: DifferentialItem): string {
  const pct = item.likelihood === null ? '' : percent(item.likelihood);
  if (item.band === null) return pct === '' ? '–' : pct;
  return pct === '' ? item.band : `${item.band} (${pct})`;
}

/**
 * What the unanswered screen leaves open: the dangers by name when the check lists them (the questions are the
 * "not answered" rows above), else, for a check saved before, the engine's sentences.
 */
function notRuledOut(differential: readonly DifferentialItem[], sentences: readonly string[]): string {
  const open = differential.filter((d) => d.openQuestion).map((d) => d.name);
  if (open.length > 0) return ` Not ruled out while those questions are unanswered: ${open.join('; ')}.`;
  return sentences.length === 0 ? '' : ` Not ruled out: ${sentences.join(' ')}`;
}

export function assessmentSection(data: ReportData): SafeHtml {
  const a = data.assessment;
  if (a === null) {
    return html`<section class="assessment" aria-labelledby="h-assessment">
<h2 id="h-assessment">Latest assessment</h2>
<p class="empty-state">No assessment saved yet.</p>
</section>`;
  }
  // One list in the engine's order: what must be ruled out first, then the likely conditions. Rows saved
  // before the differential existed fall back to the conditions alone.
  const items: DifferentialItem[] =
    a.differential.length > 0
      ? a.differential
      : a.conditions.map((c) => ({ ...c, kind: 'likely' as const, band: null, openQuestion: false }));
  // A danger kept open only by an unanswered question is named in the "Not ruled out" line below the table.
  const conditions = items
    .filter((c) => !c.openQuestion)
    .slice(0, MAX_DIFFERENTIAL_ROWS)
    .map(
      (c, i) =>
        html`<tr class="${c.kind === 'must-not-miss' ? 'must-not-miss' : ''}"><td class="num">${i + 1}</td><td>${c.name}${c.kind === 'must-not-miss' ? html`<br><span class="tag">rule out first</span>` : ''}</td><td>${likelihoodWords(c)}</td><td>${c.reasons.slice(0, 2).join('; ')}</td></tr>`,
    );
  const flags = a.redFlags.map(
    (f) =>
      html`<li><span class="answer answer-${f.answer.replace(' ', '-')}">${f.answer}</span> ${f.question}</li>`,
  );
  const ottawa = a.ottawa.applies
    ? `applies; ${a.ottawa.positive ? `positive (${a.ottawa.criteriaMet.join('; ')})` : 'negative'}`
    : 'not applicable (no injury)';
  return html`<section class="assessment" aria-labelledby="h-assessment">
<h2 id="h-assessment">Latest assessment <span class="sub">(${longDate(a.date)}, the runner's answers)</span></h2>
<p class="urgency urgency-${a.urgency}"><strong>Urgency: ${urgency(a.urgency)}.</strong> ${a.urgencyReasons.join(' ')}</p>
${a.differential.length > 0 || a.mustNotMiss.length === 0 ? '' : html`<p><strong>Must not miss:</strong> ${a.mustNotMiss.map((m) => `${m.id.replaceAll('_', ' ')} — ${m.reason}`).join('; ')}</p>`}
<table class="grid-table differential"><caption>Conditions to consider, in order (scored from the answers, not examined)</caption>
<thead><tr><th scope="col" class="num">#</th><th scope="col">Condition</th><th scope="col">Likelihood</th><th scope="col">Why</th></tr></thead>
<tbody>${conditions}</tbody></table>
<h3>Red-flag screen</h3>
<ul class="flags">${flags}</ul>
<p class="small">Ottawa knee rule: ${ottawa}.${notRuledOut(a.differential, a.notRuledOut)}</p>
</section>`;
}
