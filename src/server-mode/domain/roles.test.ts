import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accessCovers, CATEGORIES, defaultCategoriesFor, roleAllows } from './roles.ts';

test('coaches ask for training by default; clinicians also for symptoms and clinical', () => {
  assert.deepEqual(defaultCategoriesFor('coach'), ['training']);
  assert.deepEqual(defaultCategoriesFor('clinician'), ['training', 'symptoms', 'clinical']);
});

test('an organisation-wide grant reaches a coach for training and gear only, an analyst only to read training', () => {
  assert.equal(roleAllows('coach', 'training', 'write'), true);
  assert.equal(roleAllows('coach', 'symptoms', 'read'), false);
  assert.equal(roleAllows('coach', 'clinical', 'read'), false);
  assert.equal(roleAllows('analyst', 'training', 'read'), true);
  assert.equal(roleAllows('analyst', 'training', 'write'), false);
  for (const category of CATEGORIES) assert.equal(roleAllows('clinician', category, 'write'), true);
});

test('write access includes read, read access never includes write', () => {
  assert.equal(accessCovers('write', 'read'), true);
  assert.equal(accessCovers('read', 'read'), true);
  assert.equal(accessCovers('read', 'write'), false);
});
