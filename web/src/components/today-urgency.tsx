/**
 * The latest knee check's urgency tier in words (the tiers of ../shared/spec/assessment.md), and the banner
 * that puts an emergency or urgent result above everything else on Today.
 */

import { shortDay } from '../format-dates.ts';
import type { LatestAssessment, TopCondition, Urgency } from '../types/today.ts';

export const URGENCY_TEXT: Readonly<Record<Urgency, { label: string; action: string }>> = {
  emergency: {
    label: 'Emergency',
    action: 'Go to an emergency department now, or call your emergency number.',
  },
  urgent: {
    label: 'Get seen today',
    action: 'Be seen today: urgent care, a same-day doctor, or an acute knee or fracture clinic.',
  },
  soon: {
    label: 'See someone soon',
    action: 'See a doctor or physiotherapist within days, at most about two weeks.',
  },
  'self-care': {
    label: 'Self-care',
    action: 'A structured self-care plan fits, with clear signs for when to get help.',
  },
};

export function isPressing(urgency: Urgency): boolean {
  return urgency === 'emergency' || urgency === 'urgent';
}

export function conditionName(c: TopCondition): string {
  return c.name;
}

/** Shown first on Today when the latest knee check said emergency or urgent. */
export function TodayUrgentBanner(props: { assessment: LatestAssessment }) {
  const { urgency, createdAt } = props.assessment;
  const text = URGENCY_TEXT[urgency];
  return (
    <div class="alert alert-danger urgent-banner" role="alert" data-testid="urgent-banner">
      <p class="urgent-title">
        <strong>
          Your knee check on {shortDay(createdAt.slice(0, 10))} said: {text.label.toLowerCase()}.
        </strong>
      </p>
      <p>{text.action}</p>
      <p>
        <a href="#/knee-check">See why in your knee check</a>
      </p>
    </div>
  );
}
