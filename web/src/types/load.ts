/**
 * GET /api/load: the same document as `kneewise load --json` (src/domain/load/load-report.ts). The types are
 * imported as types only, so no server code reaches the browser bundle.
 */
export type { AcwrResult } from '../../../src/domain/load/acwr.ts';
export type { WeekDescent } from '../../../src/domain/load/descent.ts';
export type { FitnessPoint } from '../../../src/domain/load/fitness-fatigue.ts';
export type { FlagSeverity, LoadFlag, LoadFlagId } from '../../../src/domain/load/load-flag.ts';
export type { LoadRangeInfo, RangedLoadReport } from '../../../src/domain/load/load-range.ts';
export type {
  CeilingDetail,
  LoadReport,
  LoadRun,
  RunDetail,
  TrainingLoadSummary,
} from '../../../src/domain/load/load-report.ts';
export type { MonotonyResult } from '../../../src/domain/load/monotony.ts';
export type { SpikeCategory } from '../../../src/domain/load/session-spike.ts';
export type { WeekContext, WeekTotal } from '../../../src/domain/load/weekly-totals.ts';
