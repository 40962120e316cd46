import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ADVICE, adviceTopic } from './advice.catalog.ts';

test('every advice point carries a source', () => {
  for (const topic of ADVICE) {
    assert.ok(topic.points.length > 0, topic.id);
    for (const point of topic.points)
      assert.ok(point.text.length > 20 && point.source.length > 10, point.text);
  }
});

test('the first-days advice covers PEACE & LOVE and says where RICE stands', () => {
  const text = adviceTopic('first-days')!
    .points.map((p) => p.text)
    .join(' ');
  for (const word of [
    'Protect',
    'Elevate',
    'Avoid anti-inflammatory',
    'Compress',
    'Educate',
    'Load',
    'Optimistic',
    'Vascularisation',
    'Exercise',
    'RICE',
  ]) {
    assert.ok(text.includes(word), word);
  }
});

test('footwear advice states the motion-control trial figures and orthotics caveats', () => {
  const points = adviceTopic('footwear')!.points;
  assert.ok(
    points.some((p) => p.text.includes('0.55') && p.text.includes('0.34') && /Malisoux/.test(p.source)),
  );
  assert.ok(points.some((p) => /insoles/i.test(p.text) && /six weeks/.test(p.text)));
  assert.ok(points.some((p) => /300-500/.test(p.text)));
  assert.equal(adviceTopic('nope'), undefined);
});
