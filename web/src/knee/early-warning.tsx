/**
 * Shown above the questionnaire as soon as the answers so far call for urgent or emergency care: the tier,
 * what to do, and the reasons. The runner may still finish the questions, which adds detail for a clinician.
 */
import type { AssessmentResult, DraftAnswers } from '../types/assessment.ts';
import { answerInWords, withoutKeySuffix } from './answer-text.ts';
import { UrgencyBanner } from './urgency-banner.tsx';
import { isUrgentTier } from './urgency-tiers.ts';

export function EarlyWarning(props: {
  result: AssessmentResult;
  answers: DraftAnswers;
  busy: boolean;
  onSeeResult: () => void;
}) {
  const drivers = (props.result.urgencyDrivers ?? []).filter((d) => isUrgentTier(d.tier));
  return (
    <section class="early-warning" role="alert" aria-label="Your answers already need care">
      <UrgencyBanner urgency={props.result.urgency} headline={props.result.headline} />
      <div class="card">
        <p>
          <strong>Your answers so far already say this.</strong> Please act on it now; you do not need to
          finish the questions.
        </p>
        <ul>
          {drivers.length > 0
            ? drivers.map((d) => (
                <li key={`${d.rule}-${d.reason}`}>
                  {withoutKeySuffix(d.reason, d.keys)}
                  {d.keys.length > 0 && (
                    <span class="muted">
                      {' '}
                      ({d.keys.map((k) => answerInWords(k, props.answers)).join('; ')})
                    </span>
                  )}
                </li>
              ))
            : props.result.urgencyReasons.map((r) => <li key={r}>{r}</li>)}
        </ul>
        <p class="row">
          <button type="button" disabled={props.busy} onClick={props.onSeeResult}>
            See my result now
          </button>
          <span class="muted">or keep answering below to add detail for the clinician.</span>
        </p>
      </div>
    </section>
  );
}
