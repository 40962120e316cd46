/**
 * GET/POST/PATCH/DELETE /api/shoes: the shapes of src/services/shoe.service.ts (`shoes list --json`), declared
 * here because the service itself must not reach the browser bundle. Domain types are imported as types only.
 */
import type { Sport } from '../../../src/domain/activity/sport.ts';
import type { RotationStats } from '../../../src/domain/shoes/shoe-mileage.ts';
import type { ShoeThresholds, ShoeWearStatus } from '../../../src/domain/shoes/shoe-thresholds.ts';

export type { Sport } from '../../../src/domain/activity/sport.ts';
export type { RotationStats } from '../../../src/domain/shoes/shoe-mileage.ts';
export type { ShoeThresholds, ShoeWearStatus } from '../../../src/domain/shoes/shoe-thresholds.ts';

export interface ShoeView {
  id: string;
  name: string;
  brand: string | null;
  model: string | null;
  startDistanceM: number;
  /** Start distance + assigned running activities, metres. */
  distanceM: number;
  runs: number;
  firstRunDate: string | null;
  lastRunDate: string | null;
  defaultFor: Sport[];
  retiredAt: string | null;
  status: ShoeWearStatus;
  /** A plain-words reminder (already in the runner's units), null under the thresholds or when retired. */
  alert: string | null;
}

export interface ShoeList {
  shoes: ShoeView[];
  rotation: RotationStats;
  thresholds: ShoeThresholds;
  evidence: { text: string; source: string };
}

/** POST /api/shoes */
export interface NewShoeBody {
  name: string;
  brand?: string;
  model?: string;
  startDistanceM?: number;
  defaultFor?: Sport[];
}

/** POST /api/shoes, PATCH /api/shoes/:id, POST /api/shoes/:id/retire */
export interface ShoeResponse {
  shoe: ShoeView;
}
