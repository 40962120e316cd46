/**
 * Training change before onset as diagnostic evidence. The lead fills `TrainingEvidence` from imported runs;
 * the answers' own `weeklyDistanceChangePct` / `longRunIncreasePct` are the fallback when no runs exist.
 *
 * The hazard ratios from cohort studies are used as likelihood ratios for the overuse conditions they were
 * measured on. That is an approximation (a hazard ratio is about getting injured, not about which injury),
 * so the factors are kept modest and applied only to the conditions the studies name.
 */
import type { ConditionId } from './condition.types.ts';
import type { FeatureSet } from './features.ts';
import type { SourceId } from './sources.catalog.ts';

export interface TrainingEvidence {
  longRunIncreasePct?: number;
  weeklyDistanceChangePct?: number;
  descentIncreasePct?: number;
  cadenceChangePct?: number;
  summary?: string[];
}

export interface TrainingEffect {
  id: 'session_spike' | 'weekly_progression' | 'descent_increase' | 'cadence_drop';
  /** Plain words with the runner's own number. */
  text: string;
  /** Where the number came from. */
  origin: 'imported runs' | 'your answers';
  lrs: Partial<Record<ConditionId, number>>;
  source: SourceId;
}

/** Overuse conditions whose risk rises with distance load (Nielsen 2014; Frandsen 2025). */
const DISTANCE_RELATED: readonly ConditionId[] = [
  'pfps',
  'itbs',
  'patellar_tendinopathy',
  'hamstring_tendinopathy',
  'pes_anserine_bursitis',
  'popliteus_tendinopathy',
];

const BONE: readonly ConditionId[] = ['tibial_stress_fracture', 'femoral_stress_fracture'];

function all(ids: readonly ConditionId[], lr: number): Partial<Record<ConditionId, number>> {
  return Object.fromEntries(ids.map((id) => [id, lr]));
}

const pct = (n: number) => `${n > 0 ? '+' : ''}${Math.round(n)} %`;

export function trainingEffects(
  training: TrainingEvidence | undefined,
  answers: { longRunIncreasePct?: number; weeklyDistanceChangePct?: number },
  features: FeatureSet,
): TrainingEffect[] {
  const effects: TrainingEffect[] = [];
  // Bone stress only gains from a load spike when the bone itself is tender, hopping hurts, or the leg
  // will not take weight without an injury.
  const boneSigns =
    features.focalBone === true || features.hop === true || features.cannotStandUninjured === true;

  const spike = training?.longRunIncreasePct ?? answers.longRunIncreasePct;
  if (spike !== undefined && spike > 10) {
    const origin = training?.longRunIncreasePct !== undefined ? 'imported runs' : 'your answers';
    // Frandsen 2025: >10–30 % HR 1.64, >30–100 % HR 1.52, >100 % HR 2.28.
    const lr = spike > 100 ? 2.2 : 1.5;
    effects.push({
      id: 'session_spike',
      text: `a run ${pct(spike)} longer than your longest of the previous 30 days before the pain began`,
      origin,
      lrs: { ...all(DISTANCE_RELATED, lr), ...(boneSigns ? all(BONE, lr + 0.5) : {}) },
      source: 'frandsen2025',
    });
  }
  const weekly = training?.weeklyDistanceChangePct ?? answers.weeklyDistanceChangePct;
  if (weekly !== undefined && weekly > 30) {
    const origin = training?.weeklyDistanceChangePct !== undefined ? 'imported runs' : 'your answers';
    effects.push({
      id: 'weekly_progression',
      text: `weekly distance up ${pct(weekly)} before the pain began`,
      origin,
      // Nielsen 2014: >30 % progression, HR 1.59 for distance-related injuries.
      lrs: { ...all(['pfps', 'itbs', 'patellar_tendinopathy'], 1.6), ...(boneSigns ? all(BONE, 1.6) : {}) },
      source: 'nielsen2014jospt',
    });
  }
  const descent = training?.descentIncreasePct;
  if (descent !== undefined && descent > 30) {
    effects.push({
      id: 'descent_increase',
      text: `downhill metres up ${pct(descent)} before the pain began`,
      origin: 'imported runs',
      // Descent raises ITB strain and knee braking load; downhill provokes ITBS, popliteus, PFP, fat pad.
      lrs: { itbs: 1.8, popliteus_tendinopathy: 1.8, pfps: 1.4, fat_pad_impingement: 1.2 },
      source: 'robertz2022',
    });
  }
  const cadence = training?.cadenceChangePct;
  if (cadence !== undefined && cadence < -5) {
    effects.push({
      id: 'cadence_drop',
      text: `step rate down ${pct(cadence)} before the pain began`,
      origin: 'imported runs',
      // A lower step rate raises knee energy absorption and patellofemoral force.
      lrs: { pfps: 1.3, tibial_stress_fracture: 1.2 },
      source: 'heiderscheit2011',
    });
  }
  return effects;
}
