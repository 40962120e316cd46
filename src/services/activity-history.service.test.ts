import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { runnerToday, todayIn } from './activity-history.service.ts';
import { systemTimeZone } from './import/zone-offset.ts';

const savedTz = process.env.TZ;
after(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

test("without a zone of their own, the runner's today is the computer's, as Intl gives it", () => {
  // Zones far either side of UTC, a half-hour one and a daylight-saving one, at instants around midnights.
  for (const zone of [
    'Pacific/Kiritimati',
    'Pacific/Pago_Pago',
    'Asia/Kathmandu',
    'America/New_York',
    'UTC',
  ]) {
    process.env.TZ = zone;
    const asIntlSeesIt = systemTimeZone(); // ICU's own spelling (Asia/Katmandu)
    for (const iso of [
      '2025-03-09T06:59:00Z',
      '2025-03-09T07:01:00Z',
      '2024-12-31T10:00:00Z',
      '2025-06-30T23:30:00Z',
    ]) {
      const now = new Date(iso);
      assert.equal(runnerToday(now, { timeZone: null }), todayIn(now, asIntlSeesIt), `${zone} at ${iso}`);
    }
  }
  const now = new Date('2025-06-30T23:30:00Z');
  assert.equal(runnerToday(now, { timeZone: 'Asia/Tokyo' }), '2025-07-01', 'their own zone when set');
});
