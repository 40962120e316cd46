/**
 * Garmin Connect's `*_gear.json`: gear with retirement limits and status, plus which activities used it
 * (research/strava-garmin-export.md §2.4). Much richer than Strava's shoes.csv.
 */
import { IMPORT_CODES } from '../../domain/errors.ts';
import {
  idField,
  isJsonObject,
  numberField,
  parseJsonFile,
  stringField,
  unwrapGarminExport,
} from './garmin-json.ts';

export interface GarminShoe {
  gearPk: string;
  /** The nickname (displayName), else the free-text make/model (customMakeModel), else brand + model. */
  name: string;
  brand: string | null;
  model: string | null;
  status: 'active' | 'retired' | null;
  /** First day of use, YYYY-MM-DD. */
  dateBegin: string | null;
  dateEnd: string | null;
  /** The user's retirement distance in metres; null when unset (Garmin writes 0). */
  maximumMeters: number | null;
}

export interface GarminGearLink {
  activityId: string;
  gearPk: string;
}

export interface GarminGearJsonIssue {
  code: string;
  message: string;
}

/** Makes and models Garmin fills in when the user chose none; not worth showing as a name. */
const PLACEHOLDERS = new Set(['other', 'unknown', 'unknown shoes', '']);

/**
 * Shoes (gearTypeName "Shoes"; other gear such as bikes is left out) and their activity links. Links to
 * gear that is not a returned shoe are dropped.
 */
export function parseGarminGear(
  text: string,
  fileName = 'gear.json',
): { shoes: GarminShoe[]; links: GarminGearLink[]; issues: GarminGearJsonIssue[] } {
  const holders = unwrapGarminExport(parseJsonFile(text, fileName), 'gearDTOS', fileName);
  const shoes: GarminShoe[] = [];
  const links: GarminGearLink[] = [];
  const issues: GarminGearJsonIssue[] = [];
  const bad = (message: string) =>
    issues.push({ code: IMPORT_CODES.JSON_MALFORMED, message: `${fileName}: ${message}` });
  for (const holder of holders) {
    const gear = Array.isArray(holder.gearDTOS) ? holder.gearDTOS : [];
    for (const g of gear) {
      if (!isJsonObject(g)) continue;
      const gearPk = idField(g, 'gearPk');
      if (gearPk === null) {
        bad('a gear entry has no "gearPk"; skipped');
        continue;
      }
      const type = stringField(g, 'gearTypeName');
      if (type !== null && type.toLowerCase() !== 'shoes') continue;
      const brand = meaningful(stringField(g, 'gearMakeName'));
      const model = meaningful(stringField(g, 'gearModelName'));
      const status = stringField(g, 'gearStatusName')?.toLowerCase();
      const limit = numberField(g, 'maximumMeters', (m) => bad(`gear ${gearPk}: ${m}`));
      shoes.push({
        gearPk,
        name:
          stringField(g, 'displayName') ??
          stringField(g, 'customMakeModel') ??
          ([brand, model].filter((x) => x !== null).join(' ') || `Garmin shoe ${gearPk}`),
        brand,
        model,
        status: status === 'active' || status === 'retired' ? status : null,
        dateBegin: isoDay(stringField(g, 'dateBegin')),
        dateEnd: isoDay(stringField(g, 'dateEnd')),
        maximumMeters: limit !== null && limit > 0 ? limit : null,
      });
    }
    const shoePks = new Set(shoes.map((s) => s.gearPk));
    // Keyed by the gear id as a string: { "<gearPk>": [ { "activityId": … }, … ] }.
    const byGear = isJsonObject(holder.gearActivityDTOs) ? holder.gearActivityDTOs : {};
    for (const [gearPk, list] of Object.entries(byGear)) {
      if (!shoePks.has(gearPk) || !Array.isArray(list)) continue;
      for (const item of list) {
        const activityId = isJsonObject(item) ? idField(item, 'activityId') : null;
        if (activityId === null) bad(`gear ${gearPk}: an activity link without "activityId"; skipped`);
        else links.push({ activityId, gearPk });
      }
    }
  }
  return { shoes, links, issues };
}

function meaningful(value: string | null): string | null {
  return value === null || PLACEHOLDERS.has(value.toLowerCase()) ? null : value;
}

/** "2024-01-01T00:00:00.0" → "2024-01-01"; anything else → null. */
function isoDay(value: string | null): string | null {
  const match = value === null ? null : /^(\d{4}-\d{2}-\d{2})/.exec(value);
  return match ? match[1]! : null;
}
