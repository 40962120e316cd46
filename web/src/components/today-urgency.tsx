/**
 * The latest knee check on Today: the banner that puts an emergency or urgent result above everything else,
 * in the tier words of knee/urgency-tiers.ts and the engine's own headline, so Today and the knee check say
 * the same thing.
 */

import { shortDay } from '../format-dates.ts';
import { TIER_LOOK } from '../knee/urgency-tiers.ts';
import type { LatestAssessment, Urgency } from '../types/today.ts';

export function isPressing(urgency: Urgency): boolean {
  return urgency === 'emergency' || urgency === 'urgent';
}

/** Shown first on Today when the latest knee check said emergency or urgent. */
export function TodayUrgentBanner(props: { assessment: LatestAssessment }) {
  const { urgency, createdAt, headline } = props.assessment;
  const look = TIER_LOOK[urgency];
  return (
    <div class="alert alert-danger urgent-banner" role="alert" data-testid="urgent-banner">
      <p class="urgent-title">
        <strong>
          <span aria-hidden="true">{look.symbol} </span>Your knee check on {shortDay(createdAt.slice(0, 10))}{' '}
          said: {look.name.toLowerCase()}.
        </strong>
      </p>
      <p>{headline}</p>
      <p>
        <strong>How fast:</strong> {look.howFast}
      </p>
      <p>
        <a href="#/knee-check">See why in your knee check</a>
      </p>
    </div>
  );
}
