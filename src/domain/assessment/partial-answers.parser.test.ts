import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KneewiseError } from '../errors.ts';
import { parsePartialAnswers } from './partial-answers.parser.ts';

test('answers so far may leave out age; the given keys come back unchanged', () => {
  assert.deepEqual(parsePartialAnswers({}), {});
  assert.deepEqual(parsePartialAnswers({ trauma: false, painLocation: ['lateral'] }), {
    trauma: false,
    painLocation: ['lateral'],
  });
  assert.deepEqual(parsePartialAnswers({ age: 40 }), { age: 40 });
});

test('a bad value or an unknown key fails with the answers parser code and message', () => {
  assert.throws(
    () => parsePartialAnswers({ trauma: 'maybe' }),
    (e: KneewiseError) =>
      e.code === 'ANSWER_INVALID' && e.message === 'answer "trauma" is "maybe"; expected true or false',
  );
  assert.throws(
    () => parsePartialAnswers({ age: 3 }),
    (e: KneewiseError) => e.code === 'ANSWER_INVALID' && /answer "age" is 3/.test(e.message),
  );
  assert.throws(
    () => parsePartialAnswers({ kneeColour: 'blue' }),
    (e: KneewiseError) => e.code === 'ANSWER_INVALID' && /unknown answer key "kneeColour"/.test(e.message),
  );
  assert.throws(
    () => parsePartialAnswers([]),
    (e: KneewiseError) => e.code === 'ANSWER_INVALID',
  );
});
