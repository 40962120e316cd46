import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auditRouteWords } from '../../web/src/server/audit-route-words.ts';

describe('audit route words', () => {
  it('names the part of the data a route opens', () => {
    assert.equal(auditRouteWords('GET /pain'), 'in the pain journal');
    assert.equal(auditRouteWords('GET /load/range'), 'in the training load');
    assert.equal(auditRouteWords('POST /assessments'), 'in the knee checks');
    assert.equal(auditRouteWords('GET /api/server/roster'), 'on the roster');
  });

  it('shows a route it does not know as it is', () => {
    assert.equal(auditRouteWords('GET /something-new'), 'GET /something-new');
    assert.equal(auditRouteWords('garbled'), 'garbled');
  });
});
