/**
 * `npm run eval:assess` — scores the assessment engine against the literature vignettes in test/vignettes
 * and prints the headline figures and every miss. Targets: zero under-triage, urgency exact ≥ 85 %,
 * top-3 ≥ 90 %, must-not-miss recall 100 %. Exit code 1 when a target is missed.
 */
import { loadVignettes } from '../test/vignettes/vignette.loader.ts';
import { evaluate, leaveOneOut } from '../test/vignettes/vignette.metrics.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const vignettes = loadVignettes();
const m = evaluate(vignettes);
const loo = leaveOneOut(vignettes);

const lines = [
  `vignettes                 ${m.vignettes} (${m.withConditions} with an expected condition, ${m.mustNotMissExpected} must-not-miss expectations)`,
  `urgency exact             ${pct(m.urgencyExact)}   (target ≥ 85 %)`,
  `under-triage              ${m.underTriage}   (target 0)   over-triage ${m.overTriage}`,
  `top-1                     ${pct(m.top1)}`,
  `top-3                     ${pct(m.top3)}   (target ≥ 90 %)`,
  `must-not-miss recall      ${pct(m.mustNotMissRecall)}   (target 100 %)`,
  `questions asked (mean)    ${m.meanQuestions.toFixed(1)} of ${m.totalQuestions} in the full list`,
  `adaptive under-triage     ${m.adaptiveUnderTriage}   (urgency after the shortened questionnaire)`,
  `adaptive top-3            ${pct(m.adaptiveTop3)}   (conditions after the shortened questionnaire)`,
  `leave-one-answer-out      ${loo.underTriage} under-triaged of ${loo.runs} runs; top-3 ${pct(loo.top3)} (robustness to one "don't know")`,
];
console.log(lines.join('\n'));

const misses = m.outcomes.filter(
  (o) =>
    o.urgency !== o.expectedUrgency ||
    o.missedMustNotMiss.length > 0 ||
    (o.expectedConditions.length > 0 && !o.top3.some((id) => o.expectedConditions.includes(id))),
);
if (misses.length > 0) {
  console.log('\nmisses:');
  for (const o of misses) {
    console.log(
      `  ${o.id}: urgency ${o.urgency} (expected ${o.expectedUrgency}); top-3 ${o.top3.join(', ')} (expected ${o.expectedConditions.join(' | ') || '—'})${o.missedMustNotMiss.length ? `; missed ${o.missedMustNotMiss.join(', ')}` : ''}`,
    );
  }
}

const ok = m.underTriage === 0 && m.urgencyExact >= 0.85 && m.top3 >= 0.9 && m.mustNotMissRecall === 1;
console.log(`\ntargets ${ok ? 'met' : 'NOT met'}`);
process.exitCode = ok ? 0 : 1;
