import assert from 'node:assert/strict';
import { test } from 'node:test';
import { routeAccess } from './route-access.ts';

test('reading Today needs training and symptoms; changing a shoe needs gear write', () => {
  assert.deepEqual(routeAccess('GET', '/today'), {
    kind: 'categories',
    categories: ['training', 'symptoms'],
    action: 'read',
  });
  assert.deepEqual(routeAccess('PATCH', '/shoes/abc'), {
    kind: 'categories',
    categories: ['gear'],
    action: 'write',
  });
});

test('settings changes, export and deleting everything are the athlete’s alone; unknown routes are closed', () => {
  assert.deepEqual(routeAccess('PUT', '/settings'), { kind: 'athlete-only' });
  assert.deepEqual(routeAccess('GET', '/export'), { kind: 'athlete-only' });
  assert.deepEqual(routeAccess('DELETE', '/data'), { kind: 'athlete-only' });
  assert.deepEqual(routeAccess('GET', '/something-new'), { kind: 'unknown' });
});
