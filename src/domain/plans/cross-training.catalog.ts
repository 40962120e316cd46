/**
 * Cross-training sessions that keep aerobic fitness while the knee settles: low-impact, and easy enough to
 * stay pain-free. Early, pain-free aerobic activity is the "V" (vascularisation) of PEACE & LOVE.
 */
import { PLAN_SOURCES } from './plan-sources.ts';

export interface CrossSession {
  id: 'cycling' | 'swimming' | 'pool-running' | 'elliptical';
  name: string;
  minutes: [number, number];
  how: string;
  kneeNote: string;
  source: string;
}

const SOURCE = `${PLAN_SOURCES.peaceLove} (pain-free aerobic activity early)`;

export const CROSS_SESSIONS: readonly CrossSession[] = [
  {
    id: 'cycling',
    name: 'Easy cycling',
    minutes: [30, 45],
    how: 'Steady, conversational effort on a bike or indoor trainer; spin a light gear rather than push a heavy one.',
    kneeNote: 'Raise the saddle if the front of the knee aches: a low saddle bends the knee more under load.',
    source: SOURCE,
  },
  {
    id: 'swimming',
    name: 'Swimming',
    minutes: [20, 30],
    how: 'Continuous easy swimming or intervals with short rests.',
    kneeNote: 'Use a pull buoy or front-crawl kick if the breaststroke kick irritates the inner knee.',
    source: SOURCE,
  },
  {
    id: 'pool-running',
    name: 'Pool running',
    minutes: [20, 40],
    how: 'Run in deep water with a float belt, copying your running action; try 5 × 4 min steady with 1 min easy.',
    kneeNote: 'No impact at all: useful when even walking hurts.',
    source: SOURCE,
  },
  {
    id: 'elliptical',
    name: 'Cross-trainer (elliptical)',
    minutes: [20, 40],
    how: 'Easy to steady effort with an upright posture.',
    kneeNote: 'Keep resistance moderate; stop if kneecap pain rises above 3/10.',
    source: SOURCE,
  },
];

export function crossSessionFor(index: number): CrossSession {
  return CROSS_SESSIONS[((index % CROSS_SESSIONS.length) + CROSS_SESSIONS.length) % CROSS_SESSIONS.length]!;
}

export function describeCross(session: CrossSession): string {
  return `${session.name}, ${session.minutes[0]}-${session.minutes[1]} min: ${session.how} ${session.kneeNote}`;
}
