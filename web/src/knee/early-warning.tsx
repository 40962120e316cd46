/**
 * Shown above the questionnaire as soon as the answers so far call for urgent or emergency care. Two parts:
 * the banner (tier, what to do, how fast, "See my result now"), which stays at the top of the window while
 * the runner keeps answering, and below it the answers that raised it. Only the rules at the tier shown speak
 * in their own words, so an emergency never reads "needs checking today".
 */
import type { Ref } from 'preact';
import type { AssessmentResult, DraftAnswers } from '../types/assessment.ts';
import { answerInWords, withoutKeySuffix } from './answer-text.ts';
import { UrgencyBanner } from './urgency-banner.tsx';

export function EarlyWarningBanner(props: {
  result: AssessmentResult;
  busy: boolean;
  onSeeResult: () => void;
  headingRef: Ref<HTMLHeadingElement>;
  bannerRef: Ref<HTMLElement>;
}) {
  return (
    <section
      class="early-warning"
      role="alert"
      aria-label="Your answers already need care"
      ref={props.bannerRef}
    >
      <UrgencyBanner
        urgency={props.result.urgency}
        headline={props.result.headline}
        headingRef={props.headingRef}
        headingId="early-warning-headline"
        sticky
      >
        <p class="urgency-action">
          <button type="button" class="on-banner" disabled={props.busy} onClick={props.onSeeResult}>
            See my result now
          </button>
        </p>
      </UrgencyBanner>
    </section>
  );
}

export function EarlyWarningDetails(props: { result: AssessmentResult; answers: DraftAnswers }) {
  const { result } = props;
  const drivers = (result.urgencyDrivers ?? []).filter((d) => d.tier === result.urgency);
  return (
    <div class="card early-warning-details">
      <p>
        <strong>Your answers so far already say this.</strong> Please act on it now; you do not need to finish
        the questions. You may keep answering below to add detail for the clinician.
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
          : result.urgencyReasons.map((r) => <li key={r}>{r}</li>)}
      </ul>
    </div>
  );
}
