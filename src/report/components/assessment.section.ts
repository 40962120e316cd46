/** The latest saved assessment: urgency with reasons, likely conditions with reasons, the red-flag screen. */
import { html, type SafeHtml } from '../html.template.ts';
import type { ReportData } from '../report-data.ts';
import { longDate, percent, urgency } from './display.format.ts';

export function assessmentSection(data: ReportData): SafeHtml {
  const a = data.assessment;
  if (a === null) {
    return html`<section class="assessment" aria-labelledby="h-assessment">
<h2 id="h-assessment">Latest assessment</h2>
<p class="empty-state">No assessment saved yet.</p>
</section>`;
  }
  const conditions = a.conditions
    .slice(0, 3)
    .map(
      (c) =>
        html`<tr><td>${c.name}</td><td class="num">${percent(c.likelihood)}</td><td>${c.reasons.slice(0, 3).join('; ')}</td></tr>`,
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
${a.mustNotMiss.length === 0 ? '' : html`<p><strong>Must not miss:</strong> ${a.mustNotMiss.map((m) => `${m.id.replaceAll('_', ' ')} — ${m.reason}`).join('; ')}</p>`}
<table class="grid-table"><caption>Likely conditions (scored from the answers, not examined)</caption>
<thead><tr><th scope="col">Condition</th><th scope="col" class="num">Score</th><th scope="col">Why</th></tr></thead>
<tbody>${conditions}</tbody></table>
<h3>Red-flag screen</h3>
<ul class="flags">${flags}</ul>
<p class="small">Ottawa knee rule: ${ottawa}.${a.notRuledOut.length === 0 ? '' : ` Not ruled out: ${a.notRuledOut.join(' ')}`}</p>
</section>`;
}
