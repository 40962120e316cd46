/**
 * Human-readable assessment for the terminal: the urgency tier first in plain words, what to do now, the
 * must-not-miss problems, the likely conditions with their reasons, and the education-not-diagnosis notice.
 */
import type { Assessment } from '../../domain/assessment/assessment.types.ts';

const pct = (x: number) => `${Math.round(x * 100)} %`;

export function formatAssessment(a: Assessment): string {
  const out: string[] = [];
  out.push(a.headline, '');
  out.push('Why:');
  for (const r of a.urgencyReasons) out.push(`  • ${r}`);
  out.push('', 'What to do now:');
  for (const s of a.nextSteps) out.push(`  • ${s}`);

  // The differential in the order a person reads it: what must be ruled out, then the likely conditions
  // (which, under an urgent tier, only count once the urgent cause is excluded).
  // Dangers only an unanswered question keeps open are listed under "Not ruled out" below instead.
  const dangers = a.differential.filter((d) => d.kind === 'must-not-miss' && !d.openQuestion);
  if (dangers.length > 0) {
    out.push('', 'Must be ruled out first — a clinician needs to check for:');
    for (const d of dangers) out.push(`  ! ${d.name}: ${d.reasons[0] ?? ''}`);
  }
  const urgentFirst = a.differential.some((d) => d.kind === 'likely' && d.afterUrgentExcluded);
  out.push(
    '',
    urgentFirst
      ? 'Once the urgent cause is excluded, what it could be (education, not a diagnosis):'
      : 'What it most likely is (education, not a diagnosis):',
  );
  a.conditions.forEach((c, i) => {
    const band = a.differential.find((d) => d.id === c.id)?.band;
    out.push(`  ${i + 1}. ${c.name} — ${band ? `${band}, ` : ''}${pct(c.likelihood)}`);
    out.push(`     ${c.description}`);
    for (const r of c.reasons) out.push(`     - ${r}`);
    if (i < 3) {
      out.push(`     What helps: ${c.management}`);
      out.push(`     Typical recovery: ${c.recovery}`);
    }
  });

  if (a.historyIsThin) {
    out.push('', 'We know little yet, so these likelihoods are kept wide. What would help most:');
    for (const q of a.wouldHelp) out.push(`  ? ${q}`);
  }

  if (a.ottawa.applies) {
    out.push(
      '',
      a.ottawa.positive
        ? `Ottawa knee rule: an X-ray is advised (${a.ottawa.criteriaMet.join('; ')}).`
        : a.ottawaCriteriaUnknown.length > 0
          ? `Ottawa knee rule: not all items could be checked (${a.ottawaCriteriaUnknown.join('; ')}).`
          : 'Ottawa knee rule: negative — a fracture is very unlikely.',
    );
  }

  if (a.trainingEvidence.used) {
    out.push('', 'Your training before the pain:');
    for (const e of a.trainingEvidence.effects) out.push(`  • ${e.text}`);
    for (const s of a.trainingEvidence.summary) out.push(`  • ${s}`);
  }

  // Named first: each danger only an unanswered question keeps open; then any other unanswered screen question.
  const open = a.differential.filter((d) => d.openQuestion);
  if (open.length > 0 || a.notRuledOut.length > 0) {
    out.push('', 'Not ruled out yet (not answered):');
    for (const d of open) out.push(`  ? ${d.name}: ${d.reasons[0] ?? ''}`);
    const named = new Set<string>(open.map((d) => d.id));
    // "A serious injury" is what an open fracture entry already names.
    const covers = (concern: string) => named.has(concern === 'serious injury' ? 'acute_fracture' : concern);
    for (const g of a.notRuledOut) if (!covers(g.concern)) out.push(`  ? ${g.reason}`);
  }

  if (a.getHelpWhen.length > 0) {
    out.push('', 'Get help from a doctor or physiotherapist if:');
    for (const g of a.getHelpWhen) out.push(`  • ${g}`);
  }

  out.push('', a.disclaimer);
  if (a.questionsAsked !== undefined) out.push(`(${a.questionsAsked} questions asked.)`);
  return `${out.join('\n')}\n`;
}
