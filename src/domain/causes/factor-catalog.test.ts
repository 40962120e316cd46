import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FACTOR_EVIDENCE } from './factor-catalog.ts';

test('factor labels name no unit: the same label reads right in km and in miles (the report lists them)', () => {
  for (const [id, factor] of Object.entries(FACTOR_EVIDENCE))
    assert.doesNotMatch(factor.label, /\b(?:km|kilometres?|mi|miles?|metres?|feet|ft)\b/iu, id);
});
