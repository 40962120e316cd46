/**
 * The urgency tier as a big banner: symbol, tier name, the engine's instruction and how fast to act.
 * Colour plus words plus a symbol, so it reads the same in dark mode, in greyscale and to a screen reader.
 */
import type { Ref } from 'preact';
import type { Urgency } from '../types/assessment.ts';
import { TIER_LOOK } from './urgency-tiers.ts';
import './urgency-banner.css';

export function UrgencyBanner(props: {
  urgency: Urgency;
  headline: string;
  headingRef?: Ref<HTMLHeadingElement>;
  headingId?: string;
}) {
  const look = TIER_LOOK[props.urgency];
  return (
    <div class="urgency-banner" data-urgency={props.urgency}>
      <span class="urgency-symbol" aria-hidden="true">
        {look.symbol}
      </span>
      <div>
        <p class="urgency-name">{look.name}</p>
        <h2 class="urgency-headline" tabIndex={-1} ref={props.headingRef ?? null} id={props.headingId}>
          {props.headline}
        </h2>
        <p class="urgency-how-fast">
          <strong>How fast:</strong> {look.howFast}
        </p>
      </div>
    </div>
  );
}
