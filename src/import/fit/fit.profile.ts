/**
 * The slice of the FIT profile we decode. Everything else in a file is skipped by size, which is where the
 * speed comes from: a record message touches only the dozen fields below.
 *
 * Each kept message kind has "slots": small indexes the reader writes decoded numbers into, so a data
 * message becomes a few stores into one reusable Float64Array instead of an object per message.
 * Slot 0 is always the timestamp (field 253) so the reader can track compressed-timestamp rollover.
 */

export const KIND = {
  FILE_ID: 0,
  DEVICE_INFO: 1,
  SESSION: 2,
  LAP: 3,
  RECORD: 4,
  ACTIVITY: 5,
  EVENT: 6,
  SPORT: 7,
  TIMESTAMP_CORRELATION: 8,
} as const;
export const KIND_COUNT = 9;

/** Record slots. */
export const REC = {
  TIMESTAMP: 0,
  LAT: 1,
  LON: 2,
  DISTANCE: 3,
  ALTITUDE: 4,
  ENH_ALTITUDE: 5,
  SPEED: 6,
  ENH_SPEED: 7,
  HEART_RATE: 8,
  CADENCE: 9,
  FRACTIONAL_CADENCE: 10,
  POWER: 11,
  /** compressed_speed_distance: 3 bytes, expanded by the reader into SPEED and a distance delta. */
  COMPRESSED_SPEED_DISTANCE: 12,
} as const;

/** Session and lap share one slot layout (their field numbers differ). */
export const SUM = {
  TIMESTAMP: 0,
  START_TIME: 1,
  SPORT: 2,
  SUB_SPORT: 3,
  ELAPSED: 4,
  TIMER: 5,
  DISTANCE: 6,
  ASCENT: 7,
  DESCENT: 8,
  AVG_HR: 9,
  MAX_HR: 10,
  AVG_CADENCE: 11,
  AVG_FRACTIONAL_CADENCE: 12,
  CALORIES: 13,
  START_LAT: 14,
  START_LON: 15,
} as const;

export const FILE_ID = {
  TIMESTAMP: 0,
  TYPE: 1,
  MANUFACTURER: 2,
  PRODUCT: 3,
  TIME_CREATED: 4,
  PRODUCT_NAME: 5,
} as const;
export const DEVICE = {
  TIMESTAMP: 0,
  DEVICE_INDEX: 1,
  MANUFACTURER: 2,
  PRODUCT: 3,
  PRODUCT_NAME: 4,
} as const;
export const ACTIVITY = { TIMESTAMP: 0, LOCAL_TIMESTAMP: 1, TOTAL_TIMER: 2, NUM_SESSIONS: 3 } as const;
export const EVENT = { TIMESTAMP: 0, EVENT: 1, EVENT_TYPE: 2 } as const;
export const SPORT = { TIMESTAMP: 0, SPORT: 1, SUB_SPORT: 2, NAME: 3 } as const;
export const CORRELATION = { TIMESTAMP: 0, SYSTEM_TIMESTAMP: 1, LOCAL_TIMESTAMP: 2 } as const;

/** Slots per kind (the size of the value buffer the reader fills). */
export const SLOT_COUNT = 16;

/** One kept field: where it goes and how the FIT profile scales it (value = raw / scale − offset). */
export interface FieldSpec {
  slot: number;
  scale: number;
  offset: number;
  /** Decoded as a string (product names) rather than a number. */
  isString: boolean;
}

type FieldTable = Record<
  number,
  readonly [slot: number, scale?: number, offset?: number, isString?: boolean]
>;

const SUMMARY_COMMON: FieldTable = {
  253: [SUM.TIMESTAMP],
  2: [SUM.START_TIME],
  3: [SUM.START_LAT],
  4: [SUM.START_LON],
  7: [SUM.ELAPSED, 1000],
  8: [SUM.TIMER, 1000],
  9: [SUM.DISTANCE, 100],
  11: [SUM.CALORIES],
};

/** Global message number → kind and field table (field numbers from the FIT profile). */
const TABLES: Record<number, { kind: number; fields: FieldTable }> = {
  0: {
    kind: KIND.FILE_ID,
    fields: {
      0: [FILE_ID.TYPE],
      1: [FILE_ID.MANUFACTURER],
      2: [FILE_ID.PRODUCT],
      4: [FILE_ID.TIME_CREATED],
      8: [FILE_ID.PRODUCT_NAME, 1, 0, true],
    },
  },
  23: {
    kind: KIND.DEVICE_INFO,
    fields: {
      253: [DEVICE.TIMESTAMP],
      0: [DEVICE.DEVICE_INDEX],
      2: [DEVICE.MANUFACTURER],
      4: [DEVICE.PRODUCT],
      27: [DEVICE.PRODUCT_NAME, 1, 0, true],
    },
  },
  18: {
    kind: KIND.SESSION,
    fields: {
      ...SUMMARY_COMMON,
      5: [SUM.SPORT],
      6: [SUM.SUB_SPORT],
      16: [SUM.AVG_HR],
      17: [SUM.MAX_HR],
      18: [SUM.AVG_CADENCE],
      22: [SUM.ASCENT],
      23: [SUM.DESCENT],
      92: [SUM.AVG_FRACTIONAL_CADENCE, 128],
    },
  },
  19: {
    kind: KIND.LAP,
    fields: {
      ...SUMMARY_COMMON,
      25: [SUM.SPORT],
      39: [SUM.SUB_SPORT],
      15: [SUM.AVG_HR],
      16: [SUM.MAX_HR],
      17: [SUM.AVG_CADENCE],
      21: [SUM.ASCENT],
      22: [SUM.DESCENT],
      80: [SUM.AVG_FRACTIONAL_CADENCE, 128],
    },
  },
  20: {
    kind: KIND.RECORD,
    fields: {
      253: [REC.TIMESTAMP],
      0: [REC.LAT],
      1: [REC.LON],
      2: [REC.ALTITUDE, 5, 500],
      3: [REC.HEART_RATE],
      4: [REC.CADENCE],
      5: [REC.DISTANCE, 100],
      6: [REC.SPEED, 1000],
      7: [REC.POWER],
      8: [REC.COMPRESSED_SPEED_DISTANCE],
      53: [REC.FRACTIONAL_CADENCE, 128],
      73: [REC.ENH_SPEED, 1000],
      78: [REC.ENH_ALTITUDE, 5, 500],
    },
  },
  34: {
    kind: KIND.ACTIVITY,
    fields: {
      253: [ACTIVITY.TIMESTAMP],
      0: [ACTIVITY.TOTAL_TIMER, 1000],
      1: [ACTIVITY.NUM_SESSIONS],
      5: [ACTIVITY.LOCAL_TIMESTAMP],
    },
  },
  21: { kind: KIND.EVENT, fields: { 253: [EVENT.TIMESTAMP], 0: [EVENT.EVENT], 1: [EVENT.EVENT_TYPE] } },
  12: { kind: KIND.SPORT, fields: { 0: [SPORT.SPORT], 1: [SPORT.SUB_SPORT], 3: [SPORT.NAME, 1, 0, true] } },
  162: {
    kind: KIND.TIMESTAMP_CORRELATION,
    fields: {
      253: [CORRELATION.TIMESTAMP],
      1: [CORRELATION.SYSTEM_TIMESTAMP],
      3: [CORRELATION.LOCAL_TIMESTAMP],
    },
  },
};

/** The kind and field specs of a global message number, or undefined when we skip the whole message. */
export function keptMessage(globalNum: number): { kind: number; fields: Map<number, FieldSpec> } | undefined {
  return COMPILED.get(globalNum);
}

const COMPILED = new Map<number, { kind: number; fields: Map<number, FieldSpec> }>();
for (const [num, table] of Object.entries(TABLES)) {
  const fields = new Map<number, FieldSpec>();
  for (const [fieldNum, [slot, scale = 1, offset = 0, isString = false]] of Object.entries(table.fields)) {
    fields.set(Number(fieldNum), { slot, scale, offset, isString });
  }
  COMPILED.set(Number(num), { kind: table.kind, fields });
}

/** FIT time epoch (1989-12-31T00:00:00Z) in Unix milliseconds. */
export const FIT_EPOCH_MS = 631065600000;
/** FIT date_time values below this are seconds since device power-on, not since the FIT epoch. */
export const FIT_MIN_UTC_TIME = 0x10000000;
