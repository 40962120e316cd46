/**
 * What needs attention first on a clinic's or team's roster. Each athlete's facts are computed elsewhere by the
 * same code as their own screens (the load engine's spike of the latest run, the one pain-monitoring model,
 * the latest knee check's urgency tier, the shoe reminders); this only turns them into ordered items and
 * orders the athletes. A fact the viewer was not granted is "not shared", never guessed at. Pure.
 *
 * Order (issue 16 #5): an emergency knee check, then an urgent one, then pain that is not settling, then a run
 * over the ceiling, then shoes past their limit; between athletes, the most severe first, then the most recent.
 */
import type { Urgency } from '../../domain/assessment/urgency.types.ts';
import type { LoadRun } from '../../domain/load/load-report.ts';
import { ceilingFrom } from '../../domain/load/session-spike.ts';
import type { PainStatus } from '../../domain/plans/pain-monitoring.ts';
import type { ShoeWearStatus } from '../../domain/shoes/shoe-thresholds.ts';
import type { Category } from './roles.ts';

/** A fact the viewer may see (its value, possibly "nothing to report"), or one the athlete did not share. */
export type Shared<T> = { shared: true; value: T } | { shared: false };

export interface KneeCheckFact {
  urgency: Urgency;
  /** ISO instant the knee check was saved. */
  createdAt: string;
  headline: string;
}

export interface PainFact {
  status: PainStatus;
  /** Local date of the newest journal entry the status read, null without one. */
  lastEntryDate: string | null;
}

export interface ShoeFact {
  id: string;
  name: string;
  distanceM: number;
  status: ShoeWearStatus;
  /** The shoe screen's own reminder text; null for a retired pair. */
  alert: string | null;
  lastRunDate: string | null;
}

export interface AttentionFacts {
  /** The latest run as the load engine measured it, null without runs. */
  latestRun: Shared<LoadRun | null>;
  pain: Shared<PainFact>;
  /** The newest saved knee check, null without one. */
  kneeCheck: Shared<KneeCheckFact | null>;
  shoes: Shared<readonly ShoeFact[]>;
}

export const ATTENTION_KINDS = ['knee-check', 'pain', 'spike', 'shoes'] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];

/** The category each kind of fact belongs to: what an athlete must share for a viewer to see it. */
export const KIND_CATEGORY: Readonly<Record<AttentionKind, Category>> = {
  'knee-check': 'symptoms',
  pain: 'symptoms',
  spike: 'training',
  shoes: 'gear',
};

export type AttentionSeverity = 'emergency' | 'urgent' | 'pain' | 'spike' | 'shoes';

/** Lower is more severe: the order of issue 16 #5. */
export const SEVERITY_ORDER: Readonly<Record<AttentionSeverity, number>> = {
  emergency: 0,
  urgent: 1,
  pain: 2,
  spike: 3,
  shoes: 4,
};

export interface AttentionItem {
  kind: AttentionKind;
  category: Category;
  severity: AttentionSeverity;
  /** Local date (YYYY-MM-DD) of what the item is about: the knee check, the last pain entry, the run, the shoe's last run. */
  date: string;
  /** One line in plain words, with the athlete's own numbers. */
  headline: string;
  /** The figures behind the headline (metres, percent), so a screen can render them in miles. */
  measures: Readonly<Record<string, number | null>>;
}

export interface AthleteAttention {
  items: AttentionItem[];
  /** Kinds the viewer cannot see because the athlete did not share their category. */
  notShared: AttentionKind[];
}

function km(m: number): string {
  return `${(m / 1000).toFixed(1)} km`;
}

function kneeCheckItem(fact: KneeCheckFact): AttentionItem | null {
  if (fact.urgency !== 'emergency' && fact.urgency !== 'urgent') return null;
  const tier = fact.urgency === 'emergency' ? 'Emergency' : 'Urgent';
  return {
    kind: 'knee-check',
    category: KIND_CATEGORY['knee-check'],
    severity: fact.urgency,
    date: fact.createdAt.slice(0, 10),
    headline: `${tier} knee check: ${fact.headline}`,
    measures: {},
  };
}

/** Red in the one pain model: above 5/10, building week to week, or the next morning rising twice running. */
function painItem(fact: PainFact): AttentionItem | null {
  if (fact.status.signal !== 'red' || fact.lastEntryDate === null) return null;
  return {
    kind: 'pain',
    category: KIND_CATEGORY.pain,
    severity: 'pain',
    date: fact.lastEntryDate,
    headline: `${fact.status.headline}. ${fact.status.reason}`,
    measures: {},
  };
}

/** Over the ceiling: the engine binned the latest run above 10 % over the longest of the 30 days before it. */
function spikeItem(run: LoadRun): AttentionItem | null {
  const over =
    run.spikeCategory === 'small' || run.spikeCategory === 'moderate' || run.spikeCategory === 'large';
  if (!over || run.spikePct === null || run.longestPrev30dM === null) return null;
  const ceilingM = ceilingFrom(run.longestPrev30dM);
  return {
    kind: 'spike',
    category: KIND_CATEGORY.spike,
    severity: 'spike',
    date: run.localDate,
    headline:
      `Last run ${km(run.distanceM)}, ${Math.round(run.spikePct)} % longer than the longest of the 30 days ` +
      `before it (${km(run.longestPrev30dM)}; ceiling ${ceilingM === null ? 'none' : km(ceilingM)}).`,
    measures: {
      distanceM: run.distanceM,
      longestPrev30dM: run.longestPrev30dM,
      spikePct: run.spikePct,
      ceilingM,
    },
  };
}

/** Past their limit: the shoe screen's "check them" distance, on a pair still in use. */
function shoeItems(shoes: readonly ShoeFact[]): AttentionItem[] {
  return shoes
    .filter((s) => s.status === 'check' && s.alert !== null)
    .map((s) => ({
      kind: 'shoes' as const,
      category: KIND_CATEGORY.shoes,
      severity: 'shoes' as const,
      date: s.lastRunDate ?? '',
      headline: s.alert ?? '',
      measures: { distanceM: s.distanceM },
    }));
}

/** Most severe first, then the most recent, then by headline so equal items have one order. */
export function compareItems(a: AttentionItem, b: AttentionItem): number {
  const bySeverity = SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
  if (bySeverity !== 0) return bySeverity;
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  return a.headline < b.headline ? -1 : a.headline > b.headline ? 1 : 0;
}

export function attentionItems(facts: AttentionFacts): AthleteAttention {
  const items: AttentionItem[] = [];
  const notShared: AttentionKind[] = [];
  if (facts.kneeCheck.shared) {
    const item = facts.kneeCheck.value === null ? null : kneeCheckItem(facts.kneeCheck.value);
    if (item) items.push(item);
  } else notShared.push('knee-check');
  if (facts.pain.shared) {
    const item = painItem(facts.pain.value);
    if (item) items.push(item);
  } else notShared.push('pain');
  if (facts.latestRun.shared) {
    const item = facts.latestRun.value === null ? null : spikeItem(facts.latestRun.value);
    if (item) items.push(item);
  } else notShared.push('spike');
  if (facts.shoes.shared) items.push(...shoeItems(facts.shoes.value));
  else notShared.push('shoes');
  return { items: items.sort(compareItems), notShared };
}

/** Keeps only the items of categories the viewer may read, and names the kinds that are therefore hidden. */
export function visibleTo(attention: AthleteAttention, readable: ReadonlySet<Category>): AthleteAttention {
  const hidden = ATTENTION_KINDS.filter((kind) => !readable.has(KIND_CATEGORY[kind]));
  return {
    items: attention.items.filter((i) => readable.has(i.category)).sort(compareItems),
    notShared: [...new Set([...attention.notShared, ...hidden])].sort(
      (a, b) => ATTENTION_KINDS.indexOf(a) - ATTENTION_KINDS.indexOf(b),
    ),
  };
}

export interface RosterEntry {
  athleteId: string;
  name: string;
  attention: AthleteAttention;
}

/**
 * Athletes whose first item is most severe first, then the most recent first item; athletes with nothing to
 * flag last; ties by name and id so the order is stable.
 */
export function compareRosterEntries(a: RosterEntry, b: RosterEntry): number {
  const fa = a.attention.items[0];
  const fb = b.attention.items[0];
  if (fa && !fb) return -1;
  if (!fa && fb) return 1;
  if (fa && fb) {
    const byItem = SEVERITY_ORDER[fa.severity] - SEVERITY_ORDER[fb.severity];
    if (byItem !== 0) return byItem;
    if (fa.date !== fb.date) return fa.date < fb.date ? 1 : -1;
  }
  const byName = a.name.localeCompare(b.name);
  if (byName !== 0) return byName;
  return a.athleteId < b.athleteId ? -1 : a.athleteId > b.athleteId ? 1 : 0;
}

export function sortRoster<T extends RosterEntry>(entries: readonly T[]): T[] {
  return [...entries].sort(compareRosterEntries);
}
