/**
 * Shape of a condition card in the knowledge base.
 *
 * How the weights are meant: `findings[f]` is a likelihood ratio — how many times more (above 1) or less
 * (below 1) often feature f is present in this condition than among runners with knee pain in general
 * (`FEATURES[f].base`). Few published LRs exist for self-reported features, so the values are coarse grades
 * set from the discriminator tables of the fact sheet (research/clinical.md §2.2 and the condition cards):
 * about 8–15 = near-defining (a swelling on the kneecap for prepatellar bursitis), 3–6 = strongly typical,
 * 1.5–2.5 = typical, 0.5–0.7 = unusual, 0.1–0.4 = argues against. The LR of "no" follows from the same
 * probability, so a typical feature that is absent counts against the condition. Unstated features are
 * neutral (LR 1).
 */
import type { FeatureId } from './features.ts';
import type { SourceId } from './sources.catalog.ts';

export const CONDITION_IDS = [
  'pfps',
  'itbs',
  'patellar_tendinopathy',
  'quadriceps_tendinopathy',
  'prepatellar_bursitis',
  'infrapatellar_bursitis',
  'pes_anserine_bursitis',
  'medial_meniscus_tear',
  'lateral_meniscus_tear',
  'degenerative_meniscal_tear',
  'mcl_sprain',
  'lcl_sprain',
  'acl_rupture',
  'pcl_injury',
  'bakers_cyst',
  'hamstring_tendinopathy',
  'popliteus_tendinopathy',
  'medial_plica_syndrome',
  'fat_pad_impingement',
  'knee_oa',
  'tibial_stress_fracture',
  'femoral_stress_fracture',
  'osgood_schlatter',
  'sinding_larsen_johansson',
  'referred_hip',
  'referred_lumbar',
  'knee_contusion',
] as const;

export type ConditionId = (typeof CONDITION_IDS)[number];

export interface AgeBand {
  /** Inclusive bounds in years. */
  min: number;
  max: number;
  /** Multiplies the prior inside this band. */
  factor: number;
}

export interface ConditionDef {
  id: ConditionId;
  name: string;
  /** Plain description in our words. */
  description: string;
  /** Where it typically hurts. */
  location: string;
  /** Relative frequency among runners with knee pain (per ~100 knee complaints); normalised in scoring. */
  prior: number;
  ageBands: readonly AgeBand[];
  findings: Readonly<Partial<Record<FeatureId, number>>>;
  /** A clinician should examine it even without red flags (urgency floor `soon` when it leads). */
  needsClinician: boolean;
  management: string;
  recovery: string;
  sources: readonly SourceId[];
}
