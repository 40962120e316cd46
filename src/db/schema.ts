import type { Generated } from 'kysely';

/**
 * The database schema as Kysely sees it. One schema for SQLite (embedded default) and PostgreSQL (server mode).
 * Conventions: every row belongs to an athlete; ids are application-made text (UUIDv7); instants are ISO-8601
 * UTC text; booleans are 0/1 integers (the same on both engines); numbers are doubles.
 */
export interface AthleteTable {
  id: string;
  name: string;
  created_at: string;
  is_demo: number;
  /** JSON text of AthleteSettings (units, week start, heart-rate values, time zone). */
  settings_json: string;
}

export interface ActivityTable {
  id: string;
  athlete_id: string;
  /** Path of the file the activity came from, archive members as `archive.zip!path/inside.fit`. */
  source: string;
  format: string;
  external_id: string | null;
  sport: string;
  raw_sport: string;
  start_at: string;
  start_ms: number;
  local_date: string;
  utc_offset_s: number | null;
  /** How local_date was found: 'file' offset, 'coordinates' time zone, or the 'user' zone. */
  local_date_basis: string;
  distance_m: number;
  moving_time_s: number;
  elapsed_time_s: number;
  timer_time_s: number | null;
  ascent_m: number | null;
  descent_m: number | null;
  downhill_distance_m: number | null;
  avg_heart_rate: number | null;
  max_heart_rate: number | null;
  avg_cadence_spm: number | null;
  avg_stride_m: number | null;
  calories: number | null;
  device: string | null;
  name: string | null;
  description: string | null;
  gear_name: string | null;
  shoe_id: string | null;
  sample_count: number;
  /** Higher = more complete copy; the richer copy of a duplicate is kept. */
  richness: number;
  summary_version: string;
  imported_at: string;
  is_demo: number;
  /** 1 = the runner excluded it from analysis (migration 0004): listed, but load, why and plans skip it. */
  excluded: Generated<number>;
}

export interface ActivityStreamTable {
  activity_id: string;
  athlete_id: string;
  encoding: string;
  data: Uint8Array;
}

/** Files already imported, by content hash: importing the same files again adds nothing. */
export interface ImportedFileTable {
  athlete_id: string;
  content_hash: string;
  source: string;
  activity_count: number;
  imported_at: string;
}

export interface ShoeTable {
  id: string;
  athlete_id: string;
  name: string;
  brand: string | null;
  model: string | null;
  start_distance_m: number;
  default_sport: string | null;
  retired_at: string | null;
  created_at: string;
  is_demo: number;
}

export interface PainEntryTable {
  id: string;
  athlete_id: string;
  occurred_at: string;
  local_date: string;
  side: string | null;
  /** JSON array of the assessment's location vocabulary: anterior, inferior-patellar, lateral, medial, posterior, diffuse. */
  regions_json: string;
  pain_during: number | null;
  pain_after: number | null;
  pain_next_morning: number | null;
  /** none | mild | severe */
  swelling: string | null;
  /** sudden | gradual */
  onset: string | null;
  activity_id: string | null;
  note: string | null;
  created_at: string;
  is_demo: number;
}

export interface AssessmentTable {
  id: string;
  athlete_id: string;
  created_at: string;
  answers_json: string;
  result_json: string;
  is_demo: number;
}

export interface ProgrammeSessionTable {
  id: string;
  athlete_id: string;
  local_date: string;
  programme_id: string;
  session_label: string;
  pain_during: number | null;
  note: string | null;
  created_at: string;
  is_demo: number;
}

export interface Database {
  athletes: AthleteTable;
  activities: ActivityTable;
  activity_streams: ActivityStreamTable;
  imported_files: ImportedFileTable;
  shoes: ShoeTable;
  pain_entries: PainEntryTable;
  assessments: AssessmentTable;
  programme_sessions: ProgrammeSessionTable;
}
