/**
 * What storing an activity costs in CPU, with no database: checking, summarising and encoding its streams.
 * Kept apart from the writer (activity-writer.ts) so the preparation workers (preparation.worker.ts) load the
 * decoders and this, and none of the database code.
 */
import { encodeStreams, STREAM_ENCODING } from '../../db/stream-codec.ts';
import type { ParsedActivity } from '../../domain/activity/activity.ts';
import {
  type CheckedActivity,
  checkActivity,
  ImplausibleActivityError,
} from '../../domain/activity/plausibility.ts';
import { type OffsetResolution, summarizeActivity } from '../../domain/activity/summary.ts';

export type ResolveOffset = (startMs: number, lat: number | null, lon: number | null) => OffsetResolution;

/** A file's stream blob as it is stored (stream-codec.ts). */
export interface EncodedStreams {
  encoding: string;
  data: Uint8Array;
}

/**
 * One activity of a file as it will be stored (checked, summarised, streams encoded), or why it will not be.
 * Plain data: it is built on a worker thread and sent to the thread that writes (preparation-pool.ts).
 */
export type PreparedActivity =
  | { ok: true; checked: CheckedActivity; streams: EncodedStreams | null }
  | { ok: false; refusal: { code: string; field: string; value: number | string; message: string } };

/**
 * The CPU-heavy part of storing an activity, with no database: values that cannot be true are recomputed from
 * the samples or refuse it (plausibility.ts), then the summary and the stream blob. `streams` is the blob when
 * it was already encoded (an export's metadata changed the activity after a worker prepared it; its samples
 * are the same).
 */
export function prepareActivity(
  parsed: ParsedActivity,
  nowMs: number,
  resolveOffset: ResolveOffset,
  streams?: EncodedStreams | null,
): PreparedActivity {
  let checked: CheckedActivity;
  try {
    checked = checkActivity(parsed, nowMs, (p) => summarizeActivity(p, resolveOffset));
  } catch (error) {
    if (!(error instanceof ImplausibleActivityError)) throw error;
    const { code, field, value, message } = error;
    return { ok: false, refusal: { code, field, value, message } };
  }
  const encoded =
    streams !== undefined
      ? streams
      : parsed.streams
        ? { encoding: STREAM_ENCODING, data: encodeStreams(parsed.streams) }
        : null;
  return { ok: true, checked, streams: encoded };
}
