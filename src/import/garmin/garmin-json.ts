/**
 * Reading loosely typed JSON from Garmin exports: values are checked where they are used, and every
 * surprise becomes an issue naming the file, the activity and the field.
 */
import { IMPORT_CODES, ImportError } from '../../domain/errors.ts';

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON.parse with a BOM tolerated and a JSON_MALFORMED error naming the file. */
export function parseJsonFile(text: string, fileName: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    throw new ImportError(
      IMPORT_CODES.JSON_MALFORMED,
      `${fileName}: not valid JSON (${err instanceof Error ? err.message : String(err)})`,
    );
  }
}

/**
 * Garmin wraps each export list in an array of objects: `[ { "<key>": [...] } ]` (research §2.3, §2.4).
 * Returns the objects holding `key`, accepting a bare object too; throws JSON_MALFORMED when none does.
 */
export function unwrapGarminExport(data: unknown, key: string, fileName: string): JsonObject[] {
  const candidates = Array.isArray(data) ? data : [data];
  const holders = candidates.filter((c): c is JsonObject => isJsonObject(c) && key in c);
  if (holders.length === 0) {
    throw new ImportError(
      IMPORT_CODES.JSON_MALFORMED,
      `${fileName}: expected the Garmin export shape [ { "${key}": [...] } ], found ${describeShape(data)}`,
    );
  }
  return holders;
}

function describeShape(data: unknown): string {
  if (Array.isArray(data)) {
    const first = data[0];
    return isJsonObject(first)
      ? `an array of objects with keys ${Object.keys(first).slice(0, 5).join(', ')}`
      : 'an array';
  }
  return isJsonObject(data) ? `an object with keys ${Object.keys(data).slice(0, 5).join(', ')}` : typeof data;
}

/** A finite number, or null when absent; `onBad` is told when the value is present but not a number. */
export function numberField(obj: JsonObject, key: string, onBad: (message: string) => void): number | null {
  const value = obj[key];
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  onBad(`"${key}" should be a number, found ${JSON.stringify(value).slice(0, 40)}`);
  return null;
}

/** A non-empty trimmed string, or null. */
export function stringField(obj: JsonObject, key: string): string | null {
  const value = obj[key];
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** Garmin ids are integers above 2^31 (still exact as doubles); kept as digit strings. */
export function idField(obj: JsonObject, key: string): string | null {
  const value = obj[key];
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return value.trim();
  return null;
}
