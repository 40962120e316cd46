/**
 * Human-readable assessment for the terminal: the urgency tier first in plain words, what to do now, the
 * must-not-miss problems, the likely conditions with their reasons, and the education-not-diagnosis notice.
 */
import { MUST_NOT_MISS_NAMES } from '../../domain/assessment/advice.text.ts';
import type { Assessment } from '../../domain/assessment/assessment.types.ts';

const pct = (x: number) => `${Math.round(x * 100)} %`;

export function formatAssessment(a: Assessment): string {
  const out: string[] = [];
  out.push(a.headline, '');
  out.push('Why:');
  for (const r of a.urgencyReasons) out.push(`  • ${r}`);
  out.push('', 'What to do now:');
  for (const s of a.nextSteps) out.push(`  • ${s}`);

  if (a.mustNotMiss.length > 0) {
    out.push('', 'Must not be missed — a clinician needs to rule out:');
    for (const m of a.mustNotMiss) out.push(`  ! ${MUST_NOT_MISS_NAMES[m.id]}: ${m.reason}`);
  }

  out.push('', 'What it most likely is (education, not a diagnosis):');
  a.conditions.forEach((c, i) => {
    out.push(`  ${i + 1}. ${c.name} — ${pct(c.likelihood)}`);
    out.push(`     ${c.description}`);
    for (const r of c.reasons) out.push(`     - ${r}`);
    if (i < 3) {
      out.push(`     What helps: ${c.management}`);
      out.push(`     Typical recovery: ${c.recovery}`);
    }
  });

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

  if (a.notRuledOut.length > 0) {
    out.push('', 'Not ruled out (you answered "don\'t know"):');
    for (const g of a.notRuledOut) out.push(`  ? ${g.reason}`);
  }

  if (a.getHelpWhen.length > 0) {
    out.push('', 'Get help from a doctor or physiotherapist if:');
    for (const g of a.getHelpWhen) out.push(`  • ${g}`);
  }

  out.push('', a.disclaimer);
  if (a.questionsAsked !== undefined) out.push(`(${a.questionsAsked} questions asked.)`);
  return `${out.join('\n')}\n`;
}
