/**
 * The spec's `differential`: one list in the order a person reads it. What must be ruled out comes first,
 * then the likely conditions. Under an urgent or emergency tier the benign overuse conditions are marked
 * "once the urgent cause is excluded", so nobody with a red flag reads "runner's knee" as the answer.
 */
import { MUST_NOT_MISS_NAMES } from './advice.text.ts';
import type { AssessedCondition, DifferentialEntry, LikelihoodBand } from './assessment.types.ts';
import { type MustNotMissId, type Urgency, urgencyRank } from './urgency.types.ts';

/** Bands a person understands, on calibrated probabilities (the spec: a thin history never shows 99 %). */
export function likelihoodBand(p: number | null): LikelihoodBand {
  // A danger raised by a rule has no number; it is never called "unlikely" (a red flag is never downplayed).
  if (p === null) return 'must be checked';
  if (p >= 0.6) return 'very likely';
  if (p >= 0.3) return 'likely';
  if (p >= 0.1) return 'possible';
  return 'less likely';
}

export interface MustNotMissItem {
  id: MustNotMissId;
  reason: string;
  /** Probability when the engine estimates one (a scored danger), else null. */
  likelihood: number | null;
}

export function buildDifferential(
  urgency: Urgency,
  dangers: readonly MustNotMissItem[],
  likely: readonly AssessedCondition[],
  leftOpen: readonly { id: MustNotMissId; reason: string }[] = [],
): DifferentialEntry[] {
  const urgentTier = urgencyRank(urgency) >= urgencyRank('urgent');
  const out: DifferentialEntry[] = dangers.map((d) => ({
    id: d.id,
    name: MUST_NOT_MISS_NAMES[d.id],
    kind: 'must-not-miss',
    likelihood: d.likelihood,
    reasons: [d.reason],
    band: d.likelihood === null ? 'must be checked' : likelihoodBand(d.likelihood),
    afterUrgentExcluded: false,
    openQuestion: false,
  }));
  for (const c of likely)
    out.push({
      id: c.id,
      name: c.name,
      kind: 'likely',
      likelihood: c.likelihood,
      reasons: [...c.reasons],
      band: likelihoodBand(c.likelihood),
      afterUrgentExcluded: urgentTier && dangers.length > 0,
      openQuestion: false,
    });
  // Last: what only an unanswered question keeps open. Leading with them would bury what the answers do say.
  for (const d of leftOpen)
    out.push({
      id: d.id,
      name: MUST_NOT_MISS_NAMES[d.id],
      kind: 'must-not-miss',
      likelihood: null,
      reasons: [d.reason],
      band: 'not ruled out yet',
      afterUrgentExcluded: false,
      openQuestion: true,
    });
  return out;
}
