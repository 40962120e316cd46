/**
 * Small value builders shared by the FHIR mappers: references by urn:uuid, dateTimes with the runner's own
 * offset, UCUM quantities and codings. Pure: the caller supplies every value, the clock included.
 */
import type { CodeableConcept, Coding, Identifier, Meta, Quantity, Reference } from 'fhir/r4.js';
import { type Code, SYSTEMS, TEST_DATA } from './fhir-codes.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Turns one of our ids into the UUID its resource is known by; see FhirIds. */
export type NameBasedUuid = (id: string) => string;

/**
 * Our ids are UUIDv7, so a resource keeps its id and is addressed as `urn:uuid:<id>` (a Bundle may carry
 * resources no server has named yet this way). An id that is not a UUID (a row restored from an old export
 * may hold any text) goes through `nameBasedUuid`, given by the caller, so the same id always gives the same
 * UUID and the original stays in the resource's identifier.
 */
export class FhirIds {
  constructor(private readonly nameBasedUuid: NameBasedUuid) {}

  uuid(id: string): string {
    const uuid = UUID.test(id) ? id : this.nameBasedUuid(id);
    if (!UUID.test(uuid)) throw new Error(`nameBasedUuid("${id}") returned "${uuid}", not a UUID`);
    return uuid.toLowerCase();
  }

  fullUrl(id: string): string {
    return `urn:uuid:${this.uuid(id)}`;
  }

  reference(id: string, display?: string): Reference {
    return display === undefined ? { reference: this.fullUrl(id) } : { reference: this.fullUrl(id), display };
  }

  /** The urn:uuid as a URI identifier, plus our own id when it differs (so nothing about it is lost). */
  identifiers(id: string): Identifier[] {
    const out: Identifier[] = [{ system: SYSTEMS.uri, value: this.fullUrl(id) }];
    if (this.uuid(id) !== id) out.push({ use: 'secondary', value: id });
    return out;
  }
}

/** `meta.security` HTEST on a demo row (made-up data), nothing on the runner's own. */
export function demoMeta(isDemo: boolean): { meta?: Meta } {
  return isDemo ? { meta: { security: [coding(TEST_DATA)] } } : {};
}

export function coding(code: Code): Coding {
  return { system: code.system, code: code.code, display: code.display };
}

export function concept(code: Code, text?: string): CodeableConcept {
  return text === undefined ? { coding: [coding(code)] } : { coding: [coding(code)], text };
}

export function quantity(value: number, unit: { unit: string; code: string }): Quantity {
  return { value, unit: unit.unit, system: SYSTEMS.ucum, code: unit.code };
}

/** Rounds to `digits` decimals: FHIR decimals carry what we measured, not floating-point noise. */
export function rounded(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/**
 * An instant written in the offset it happened in (`2025-04-02T08:00:00+02:00`), as FHIR dateTime allows;
 * UTC (`Z`) when the offset is unknown or not whole minutes (FHIR offsets have no seconds).
 */
export function dateTimeAt(instantIso: string, utcOffsetS: number | null): string {
  const ms = Date.parse(instantIso);
  if (Number.isNaN(ms)) throw new Error(`"${instantIso}" is not an ISO-8601 instant`);
  const known = utcOffsetS !== null && utcOffsetS % 60 === 0 && Math.abs(utcOffsetS) <= 14 * 3600;
  const offset = known ? utcOffsetS : 0;
  const local = new Date(ms + offset * 1000).toISOString(); // the local wall time, written as if UTC
  const wall = local.endsWith('.000Z') ? local.slice(0, 19) : local.slice(0, 23);
  if (!known) return `${wall}Z`;
  const sign = offset < 0 ? '-' : '+';
  const minutes = Math.abs(offset) / 60;
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${wall}${sign}${hh}:${mm}`;
}
