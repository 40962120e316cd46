import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KneewiseError } from '../errors.ts';
import { parseAnswers } from './answers.schema.ts';

function rejects(input: unknown, key: string, acceptedPart: string) {
  assert.throws(
    () => parseAnswers(input),
    (e: unknown) => {
      assert.ok(e instanceof KneewiseError);
      assert.equal(e.code, 'ANSWER_INVALID');
      assert.equal(e.kind, 'input');
      assert.equal(e.details.key, key);
      assert.match(e.message, new RegExp(`"${key}"`));
      assert.ok(
        String(e.details.accepted).includes(acceptedPart),
        `${String(e.details.accepted)} ⊄ ${acceptedPart}`,
      );
      assert.ok(e.message.includes(acceptedPart));
      return true;
    },
  );
}

describe('parseAnswers', () => {
  it('accepts a valid answers object, one location or several', () => {
    assert.deepEqual(parseAnswers({ age: 30, painLocation: 'lateral' }), {
      age: 30,
      painLocation: 'lateral',
    });
    const a = parseAnswers({
      age: 61,
      painLocation: ['medial', 'posterior'],
      swelling: 'mild',
      fever: false,
    });
    assert.deepEqual(a.painLocation, ['medial', 'posterior']);
    assert.equal(a.fever, false);
  });

  it('names the key and the accepted values for a wrong enum, type or range', () => {
    rejects({ age: 30, sex: 'x' }, 'sex', 'female, male, other');
    rejects({ age: 30, fever: 'yes' }, 'fever', 'true or false');
    rejects({ age: 4 }, 'age', 'an integer from 5 to 100');
    rejects({ age: 30.5 }, 'age', 'an integer');
    rejects({ age: 30, temperatureC: 50 }, 'temperatureC', 'from 30 to 45');
    rejects({ age: 30, durationDays: -1 }, 'durationDays', 'from 0 to 36500');
    // What cannot be true: pain for 2.7 billion years, a fall of more than all of one's running.
    rejects({ age: 30, durationDays: 1e12 }, 'durationDays', 'from 0 to 36500');
    rejects({ age: 30, morningStiffnessMin: 2000 }, 'morningStiffnessMin', 'from 0 to 1440');
    rejects({ age: 30, weeklyDistanceChangePct: -500 }, 'weeklyDistanceChangePct', 'a number ≥ -100');
    rejects({ age: 30, painLocation: ['lateral', 'up'] }, 'painLocation', 'anterior, inferior-patellar');
    rejects({ age: 30, swelling: 'huge' }, 'swelling', 'none, mild, severe');
  });

  it('rejects unknown keys (strict), naming the key and the accepted keys', () => {
    rejects({ age: 30, feverish: true }, 'feverish', 'fever');
  });

  it('requires age', () => {
    rejects({ fever: false }, 'age', 'an integer from 5 to 100');
  });

  it('rejects a non-object', () => {
    assert.throws(() => parseAnswers([1, 2]), /JSON object/);
    assert.throws(() => parseAnswers(null), /JSON object/);
  });
});
