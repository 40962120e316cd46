/**
 * The urgency tier as a big banner: symbol, tier name, the engine's instruction and how fast to act.
 * Colour plus words plus a symbol, so it reads the same in dark mode, in greyscale and to a screen reader.
 * The tier's name and "how fast" come from urgency-tiers.ts, so every screen uses the same words for a tier.
 */
import type { ComponentChildren, Ref } from 'preact';
import type { Urgency } from '../types/assessment.ts';
import { TIER_LOOK } from './urgency-tiers.ts';
import './urgency-banner.css';

export function UrgencyBanner(props: {
  urgency: Urgency;
  headline: string;
  headingRef?: Ref<HTMLHeadingElement>;
  headingId?: string;
  /** Stays at the top of the window while the page scrolls (urgent and emergency). */
  sticky?: boolean;
  /** Extra lines under "how fast", e.g. the "See my result now" button of the early warning. */
  children?: ComponentChildren;
}) {
  const look = TIER_LOOK[props.urgency];
  return (
    <div class={`urgency-banner${props.sticky ? ' urgency-sticky' : ''}`} data-urgency={props.urgency}>
      <span class="urgency-symbol" aria-hidden="true">
        {look.symbol}
      </span>
      <div class="urgency-body">
        <p class="urgency-name">{look.name}</p>
        <h2 class="urgency-headline" tabIndex={-1} ref={props.headingRef ?? null} id={props.headingId}>
          {props.headline}
        </h2>
        <p class="urgency-how-fast">
          <strong>How fast:</strong> {look.howFast}
        </p>
        {props.children}
      </div>
    </div>
  );
}
