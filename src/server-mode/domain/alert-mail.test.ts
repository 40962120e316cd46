import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alertMail, newAlerts } from './alert-mail.ts';
import type { AttentionItem } from './attention.ts';

const item = (kind: AttentionItem['kind'], date: string, headline = 'x'): AttentionItem => ({
  kind,
  category: kind === 'spike' ? 'training' : kind === 'shoes' ? 'gear' : 'symptoms',
  severity: kind === 'knee-check' ? 'urgent' : kind,
  date,
  headline,
  measures: {},
});

test('only items not already stored (kind, severity, day) are new; a changed figure on the same day is not', () => {
  const before = [item('spike', '2026-03-01', '12.0 km'), item('pain', '2026-03-02')];
  assert.deepEqual(
    newAlerts(before, [item('spike', '2026-03-01', '12.5 km'), item('pain', '2026-03-02')]),
    [],
  );
  assert.deepEqual(
    newAlerts(before, [
      item('spike', '2026-03-05'),
      item('pain', '2026-03-02'),
      item('knee-check', '2026-03-05'),
    ]).map((i) => [i.kind, i.date]),
    [
      ['spike', '2026-03-05'],
      ['knee-check', '2026-03-05'],
    ],
  );
  assert.deepEqual(newAlerts([], []), []);
});

test('the message is a link and no health data', () => {
  const mail = alertMail('https://kneewise.clinic.example/');
  assert.match(mail.text, /https:\/\/kneewise\.clinic\.example\//);
  assert.doesNotMatch(`${mail.subject} ${mail.text}`, /pain|knee check|spike|km|emergency|urgent|shoe/i);
});
