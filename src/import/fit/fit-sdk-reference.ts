/**
 * The official @garmin/fitsdk decoder, kept only as a yardstick: the benchmark times it against our
 * decoder and the parity tests compare values. Production code must not import this file (the SDK is
 * slower, drops compressed-timestamp records and throws on some multisport files).
 */
import { Decoder, Stream } from '@garmin/fitsdk';

/** Decodes with the SDK's default options (what "bare SDK decode" means in the benchmark). */
export function decodeWithOfficialSdk(bytes: Uint8Array): { records: number; sessions: number } {
  const { messages } = readWithOfficialSdk(bytes);
  return {
    records: (messages.recordMesgs as unknown[] | undefined)?.length ?? 0,
    sessions: (messages.sessionMesgs as unknown[] | undefined)?.length ?? 0,
  };
}

export interface SdkRead {
  messages: Record<string, Record<string, unknown>[] | undefined>;
  errors: unknown[];
}

/**
 * The SDK's messages with raw FIT date_time numbers (not Date objects) and without merging hr messages
 * into records (we keep each record's own heart rate), for value-by-value comparisons in tests.
 */
export function readWithOfficialSdk(bytes: Uint8Array, options: { forComparison?: boolean } = {}): SdkRead {
  const copy = bytes.slice();
  const stream = Stream.fromArrayBuffer(copy.buffer);
  const decoder = new Decoder(stream);
  const result = options.forComparison
    ? decoder.read({ convertDateTimesToDates: false, mergeHeartRates: false })
    : decoder.read();
  return result as unknown as SdkRead;
}
