/**
 * The FHIR R4 (4.0.1) rules a test can check without the official validator: JSON form (no null, empty
 * string, empty array or empty object: ele-1), ids, required elements and value sets of the resources the
 * export writes, the invariants obs-6, obs-7, qrs-1, att-1, qty-3, bdl-7, dateTime/instant formats, that every
 * Coding names a published code system, and that every reference resolves to an entry of the Bundle.
 * Returns one line per problem (empty when the Bundle passes), each naming where it is.
 */

const ID = /^[A-Za-z0-9\-.]{1,64}$/;
const YEAR = '([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)';
const TIME = '([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]{1,9})?';
const ZONE = '(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))';
const DAY = `${YEAR}-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])`;
/** R4 dateTime: a year, a month, a day, or a day and time with its zone. */
const DATE_TIME = new RegExp(`^(${YEAR}(-(0[1-9]|1[0-2]))?|${DAY}|${DAY}T${TIME}${ZONE})$`);
const INSTANT = new RegExp(`^${DAY}T${TIME}${ZONE}$`);
const DATE = new RegExp(`^(${YEAR}(-(0[1-9]|1[0-2]))?|${DAY})$`);

/** Code systems a reader can look up; anything else is an invented URL. */
const KNOWN_SYSTEMS = new Set([
  'http://loinc.org',
  'http://snomed.info/sct',
  'http://unitsofmeasure.org',
  'http://terminology.hl7.org/CodeSystem/observation-category',
  'http://terminology.hl7.org/CodeSystem/data-absent-reason',
  'http://terminology.hl7.org/CodeSystem/v3-ActReason',
]);

const STATUS: Record<string, readonly string[]> = {
  Observation: [
    'registered',
    'preliminary',
    'final',
    'amended',
    'corrected',
    'cancelled',
    'entered-in-error',
    'unknown',
  ],
  QuestionnaireResponse: ['in-progress', 'completed', 'amended', 'entered-in-error', 'stopped'],
  DocumentReference: ['current', 'superseded', 'entered-in-error'],
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const valueKeys = (o: Obj) => Object.keys(o).filter((k) => k.startsWith('value'));
const codingsOf = (concept: Json | undefined): Obj[] =>
  isObj(concept) && Array.isArray(concept.coding) ? concept.coding.filter(isObj) : [];
const sameCoding = (a: Obj, b: Obj) => a.system === b.system && a.code === b.code;

export function fhirR4Problems(bundle: unknown): string[] {
  const problems: string[] = [];
  const say = (where: string, what: string) => problems.push(`${where}: ${what}`);
  if (!isObj(bundle)) return ['Bundle: not a JSON object'];
  if (bundle.resourceType !== 'Bundle') say('Bundle', 'resourceType is not "Bundle"');
  if (
    !['document', 'message', 'transaction', 'batch', 'collection', 'searchset', 'history'].includes(
      String(bundle.type),
    )
  )
    say('Bundle.type', `"${String(bundle.type)}" is not a Bundle type`);
  if (bundle.timestamp !== undefined && !INSTANT.test(String(bundle.timestamp)))
    say('Bundle.timestamp', `"${String(bundle.timestamp)}" is not an instant`);
  const entries = Array.isArray(bundle.entry) ? bundle.entry : [];
  const fullUrls = new Set<string>();
  for (const [i, e] of entries.entries()) {
    if (!isObj(e) || typeof e.fullUrl !== 'string') {
      say(`Bundle.entry[${i}]`, 'no fullUrl');
      continue;
    }
    if (fullUrls.has(e.fullUrl)) say(`Bundle.entry[${i}]`, `fullUrl ${e.fullUrl} appears twice (bdl-7)`);
    fullUrls.add(e.fullUrl);
  }
  walk(bundle, 'Bundle', say);
  for (const [i, e] of entries.entries()) {
    if (!isObj(e) || !isObj(e.resource)) {
      say(`Bundle.entry[${i}]`, 'no resource');
      continue;
    }
    const r = e.resource;
    const where = `Bundle.entry[${i}](${String(r.resourceType)})`;
    if (typeof r.id !== 'string' || !ID.test(r.id)) say(where, `id "${String(r.id)}" is not a FHIR id`);
    else if (typeof e.fullUrl === 'string' && !e.fullUrl.endsWith(r.id))
      say(where, `fullUrl ${e.fullUrl} does not end with the id ${r.id}`);
    checkResource(r, where, say);
    for (const ref of references(r)) {
      if (!fullUrls.has(ref)) say(where, `reference ${ref} does not resolve inside the Bundle`);
    }
  }
  return problems;
}

function checkResource(r: Obj, where: string, say: (where: string, what: string) => void): void {
  const type = String(r.resourceType);
  const statuses = STATUS[type];
  if (statuses !== undefined && !statuses.includes(String(r.status)))
    say(`${where}.status`, `"${String(r.status)}" is not one of ${statuses.join(', ')}`);
  switch (type) {
    case 'Patient':
      if (r.gender !== undefined && !['male', 'female', 'other', 'unknown'].includes(String(r.gender)))
        say(`${where}.gender`, `"${String(r.gender)}" is not an administrative gender`);
      if (r.birthDate !== undefined && !DATE.test(String(r.birthDate)))
        say(`${where}.birthDate`, `"${String(r.birthDate)}" is not a date`);
      break;
    case 'Observation': {
      if (!isObj(r.code)) say(`${where}.code`, 'missing (1..1)');
      const values = valueKeys(r);
      if (values.length > 1) say(where, `more than one value[x]: ${values.join(', ')}`);
      if (values.length > 0 && r.dataAbsentReason !== undefined)
        say(where, 'dataAbsentReason with a value (obs-6)');
      const components = Array.isArray(r.component) ? r.component.filter(isObj) : [];
      for (const [j, c] of components.entries()) {
        if (!isObj(c.code)) say(`${where}.component[${j}].code`, 'missing (1..1)');
        if (valueKeys(c).length > 1) say(`${where}.component[${j}]`, 'more than one value[x]');
        const repeatsCode = codingsOf(c.code).some((a) => codingsOf(r.code).some((b) => sameCoding(a, b)));
        if (repeatsCode && values.length > 0)
          say(
            `${where}.component[${j}]`,
            'repeats the Observation code while the Observation has a value (obs-7)',
          );
      }
      if (r.effectiveDateTime !== undefined && !DATE_TIME.test(String(r.effectiveDateTime)))
        say(`${where}.effectiveDateTime`, `"${String(r.effectiveDateTime)}" is not a dateTime`);
      if (r.issued !== undefined && !INSTANT.test(String(r.issued)))
        say(`${where}.issued`, `"${String(r.issued)}" is not an instant`);
      break;
    }
    case 'QuestionnaireResponse':
      if (r.authored !== undefined && !DATE_TIME.test(String(r.authored)))
        say(`${where}.authored`, `"${String(r.authored)}" is not a dateTime`);
      checkItems(r.item, `${where}.item`, say);
      break;
    case 'DocumentReference': {
      const content = Array.isArray(r.content) ? r.content.filter(isObj) : [];
      if (content.length === 0) say(`${where}.content`, 'missing (1..*)');
      for (const [j, c] of content.entries()) {
        if (!isObj(c.attachment)) say(`${where}.content[${j}].attachment`, 'missing (1..1)');
        else if (c.attachment.data !== undefined && c.attachment.contentType === undefined)
          say(`${where}.content[${j}].attachment`, 'data without contentType (att-1)');
      }
      if (r.date !== undefined && !INSTANT.test(String(r.date)))
        say(`${where}.date`, `"${String(r.date)}" is not an instant`);
      const period = isObj(r.context) && isObj(r.context.period) ? r.context.period : null;
      for (const k of ['start', 'end'] as const)
        if (period?.[k] !== undefined && !DATE_TIME.test(String(period[k])) && !DATE.test(String(period[k])))
          say(`${where}.context.period.${k}`, `"${String(period[k])}" is not a dateTime`);
      break;
    }
    default:
      say(where, `resourceType "${type}" is not one the export writes`);
  }
}

function checkItems(
  items: Json | undefined,
  where: string,
  say: (where: string, what: string) => void,
): void {
  if (items === undefined) return;
  if (!Array.isArray(items)) {
    say(where, 'not a list');
    return;
  }
  for (const [i, item] of items.entries()) {
    const at = `${where}[${i}]`;
    if (!isObj(item)) {
      say(at, 'not an object');
      continue;
    }
    if (typeof item.linkId !== 'string') say(`${at}.linkId`, 'missing (1..1)');
    const answers = Array.isArray(item.answer) ? item.answer.filter(isObj) : [];
    if (item.item !== undefined && answers.some((a) => a.item !== undefined))
      say(at, 'nested items beneath both the item and an answer (qrs-1)');
    for (const [j, a] of answers.entries())
      if (valueKeys(a).length !== 1) say(`${at}.answer[${j}]`, 'expected exactly one value[x]');
    checkItems(item.item, `${at}.item`, say);
    for (const [j, a] of answers.entries()) checkItems(a.item, `${at}.answer[${j}].item`, say);
  }
}

/** Every Reference.reference inside a resource. */
function references(node: Json): string[] {
  if (Array.isArray(node)) return node.flatMap(references);
  if (!isObj(node)) return [];
  const own = typeof node.reference === 'string' ? [node.reference] : [];
  return [...own, ...Object.entries(node).flatMap(([k, v]) => (k === 'reference' ? [] : references(v)))];
}

/** ele-1 and the JSON form: no null, no empty string/array/object; Codings and Quantities well formed. */
function walk(node: Json, where: string, say: (where: string, what: string) => void): void {
  if (node === null) say(where, 'null is not allowed in FHIR JSON');
  else if (typeof node === 'string' && node.trim() === '') say(where, 'empty or blank string');
  else if (typeof node === 'number' && !Number.isFinite(node)) say(where, 'not a finite number');
  if (Array.isArray(node)) {
    if (node.length === 0) say(where, 'empty array');
    for (const [i, v] of node.entries()) walk(v, `${where}[${i}]`, say);
    return;
  }
  if (!isObj(node)) return;
  if (Object.keys(node).length === 0) say(where, 'empty object');
  if (Array.isArray(node.coding)) {
    for (const [i, c] of node.coding.entries()) {
      if (!isObj(c)) continue;
      if (typeof c.system !== 'string' || !KNOWN_SYSTEMS.has(c.system))
        say(`${where}.coding[${i}]`, `system "${String(c.system)}" is not a published code system`);
      if (typeof c.code !== 'string' || !/^[^\s]+( [^\s]+)*$/.test(c.code))
        say(`${where}.coding[${i}]`, `code "${String(c.code)}" is not a FHIR code`);
    }
  }
  if (typeof node.value === 'number' && ('unit' in node || 'code' in node)) {
    if (node.code !== undefined && node.system === undefined)
      say(where, 'Quantity code without system (qty-3)');
    if (node.system !== undefined && node.system !== 'http://unitsofmeasure.org')
      say(where, `Quantity system "${String(node.system)}" is not UCUM`);
  }
  for (const [k, v] of Object.entries(node)) walk(v, `${where}.${k}`, say);
}
