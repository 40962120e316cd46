/**
 * How each urgency tier (spec/assessment.md) is presented: its name, how fast to act, and a symbol so the
 * banner never relies on colour alone. The full instruction is the engine's own headline.
 */
import type { Urgency } from '../types/assessment.ts';

export interface TierLook {
  name: string;
  symbol: string;
  howFast: string;
}

export const TIER_LOOK: Record<Urgency, TierLook> = {
  emergency: { name: 'Emergency', symbol: '⚠', howFast: 'Now — do not wait and do not drive yourself.' },
  urgent: { name: 'Urgent', symbol: '!', howFast: 'Today — get seen the same day.' },
  soon: { name: 'See someone soon', symbol: '◷', howFast: 'Within days — at most about two weeks.' },
  'self-care': {
    name: 'Self-care',
    symbol: '✓',
    howFast: 'Start your plan now, and get help at the point stated below.',
  },
};

export function isUrgentTier(u: Urgency): boolean {
  return u === 'emergency' || u === 'urgent';
}

export { urgencyRank } from '../../../src/domain/assessment/urgency.types.ts';
