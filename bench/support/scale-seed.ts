/**
 * Seeds a clinic server's PostgreSQL for bench/server-scale.bench.ts in a few set-based statements
 * (generate_series, INSERT … SELECT), not row by row:
 * - `athletes` runners, each with an account and `years` of runs, four a week (the summary columns the roster,
 *   Today and the load engine read; a shoe per run), per-second samples for each runner's latest
 *   `streamsPerAthlete` runs only (one synthetic hour, the same bytes each time; older runs are summaries, as
 *   if their samples had been dropped);
 * - what makes a roster worth reading: every 10th runner's latest run is a spike, every 12th has a week of
 *   pain rising, every 8th runs in shoes past their check distance, every 50th has a knee check;
 * - one organisation: `clinicians` clinicians, each granted (by the athlete, by name, accepted) training,
 *   symptoms and clinical for an equal share of the runners, and one coach granted training, symptoms and gear
 *   by the first `coachAthletes` runners.
 * Triggers are off while loading (session_replication_role = replica, as pg_restore does): the attention and
 * data-version counters start from nothing, and the alert job computes every athlete's items afterwards.
 */

import type pg from 'pg';
import { addDays } from '../../src/domain/load/calendar-day.ts';

export interface ScaleShape {
  athletes: number;
  years: number;
  clinicians: number;
  coachAthletes: number;
  streamsPerAthlete: number;
  today: string;
  passwordHash: string;
  streamBlob: Uint8Array;
  streamEncoding: string;
  assessment: { answersJson: string; resultJson: string };
}

export const athleteId = (k: number) => `ath-${String(k).padStart(5, '0')}`;
export const athleteEmail = (k: number) => `runner-${k}@scale.test`;
export const clinicianEmail = (j: number) => `clinician-${j}@scale.test`;
export const COACH_EMAIL = 'coach@scale.test';

export async function seedScale(client: pg.Client, shape: ScaleShape, log: (line: string) => void) {
  const days = Math.round(shape.years * 365.25);
  const first = addDays(shape.today, -days);
  const now = new Date().toISOString();
  const perClinician = Math.ceil(shape.athletes / shape.clinicians);
  await client.query('begin');
  await client.query("set local session_replication_role = 'replica'");
  await client.query(
    `insert into athletes (id, name, created_at, is_demo, settings_json)
     select 'ath-' || lpad(k::text, 5, '0'), 'Runner ' || k, $2, 0, '{}' from generate_series(1, $1) k`,
    [shape.athletes, now],
  );
  await client.query(
    `insert into users (id, email, display_name, password_hash)
     select 'u-ath-' || k, 'runner-' || k || '@scale.test', 'Runner ' || k, $2 from generate_series(1, $1) k
     union all
     select 'u-clin-' || j, 'clinician-' || j || '@scale.test', 'Clinician ' || j, $2 from generate_series(1, $3) j
     union all select 'u-coach', $4, 'Coach', $2`,
    [shape.athletes, shape.passwordHash, shape.clinicians, COACH_EMAIL],
  );
  await client.query(
    `insert into user_athletes (user_id, athlete_id)
     select 'u-ath-' || k, 'ath-' || lpad(k::text, 5, '0') from generate_series(1, $1) k`,
    [shape.athletes],
  );
  await client.query(`insert into organisations (id, name) values ('org-scale', 'Scale Clinic')`);
  await client.query(
    `insert into memberships (org_id, user_id, role)
     select 'org-scale', 'u-clin-' || j, 'clinician' from generate_series(1, $1) j
     union all select 'org-scale', 'u-coach', 'coach'`,
    [shape.clinicians],
  );
  await client.query(
    `insert into consent_grants (id, athlete_id, grantee_user_id, categories, access, purpose, created_by)
     select 'g-clin-' || k, 'ath-' || lpad(k::text, 5, '0'), 'u-clin-' || ((k - 1) / $2 + 1),
            array['training', 'symptoms', 'clinical'], 'read', 'physiotherapy follow-up', 'u-ath-' || k
     from generate_series(1, $1) k
     union all
     select 'g-coach-' || k, 'ath-' || lpad(k::text, 5, '0'), 'u-coach', array['training', 'symptoms', 'gear'],
            'read', 'club coaching', 'u-ath-' || k
     from generate_series(1, $3) k`,
    [shape.athletes, perClinician, Math.min(shape.coachAthletes, shape.athletes)],
  );
  await client.query(
    `insert into consent_events (id, grant_id, kind, actor_user_id)
     select 'e-' || g.id, g.id, 'accepted', g.created_by from consent_grants g`,
  );
  // Shoes: last year's pair (retired) and the current one; every 8th runner's current pair is 700 days old.
  await client.query(
    `insert into shoes (id, athlete_id, name, brand, model, start_distance_m, default_sport, retired_at, created_at, is_demo)
     select 'sh-' || k || '-' || p.n, 'ath-' || lpad(k::text, 5, '0'), p.name, 'Brand', 'Model ' || p.n, 0, null,
            case p.n when 1 then to_char($3::date - (case when k % 8 = 0 then 700 else 300 end), 'YYYY-MM-DD') end, $2, 0
     from generate_series(1, $1) k cross join (values (1, 'Old pair'), (2, 'Current pair')) p(n, name)`,
    [shape.athletes, now, shape.today],
  );
  const t0 = performance.now();
  const batch = 100;
  for (let from = 1; from <= shape.athletes; from += batch) {
    const to = Math.min(shape.athletes, from + batch - 1);
    // Four runs a week (days 0, 2, 4, 5 of the runner's own week), 5–11 km, the fifth day the long run;
    // pace 4:30–6:00 per km by runner; cadence, heart rate and climbing vary by runner and day.
    await client.query(
      `insert into activities (id, athlete_id, source, format, external_id, sport, raw_sport, start_at, start_ms,
         local_date, utc_offset_s, local_date_basis, distance_m, moving_time_s, elapsed_time_s, timer_time_s,
         ascent_m, descent_m, downhill_distance_m, avg_heart_rate, max_heart_rate, avg_cadence_spm, avg_stride_m,
         calories, device, name, description, gear_name, shoe_id, sample_count, richness, summary_version,
         imported_at, is_demo, excluded)
       select r.aid || '-r' || r.n, r.aid, 'bench/' || r.n || '.fit', 'fit', r.aid || '-' || r.n, 'run', 'running',
         to_char(to_timestamp(r.ms / 1000.0) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), r.ms,
         to_char(r.day, 'YYYY-MM-DD'), 0, 'file', r.dist, r.dist / r.speed, r.dist / r.speed + 90, r.dist / r.speed,
         r.climb, r.climb, null, 138 + r.k % 17, 166 + r.k % 17, 164 + r.k % 14 + (r.n % 3), null, null,
         'Forerunner 255', null, null, null,
         'sh-' || r.k || '-' || (case when r.day >= $4::date - (case when r.k % 8 = 0 then 700 else 300 end) then 2 else 1 end),
         (r.dist / r.speed)::int, 2, 'summary-1', $5, 0, 0
       from (
         select k, 'ath-' || lpad(k::text, 5, '0') as aid, n, $3::date + n as day,
           extract(epoch from ($3::date + n)::timestamp) * 1000 + (6 + k % 12) * 3600000 as ms,
           (5000 + (k % 7) * 600 + ((n * 37 + k * 11) % 13) * 90) * (case when (n + k) % 7 = 5 then 1.7 else 1 end) as dist,
           1000.0 / (270 + (k % 10) * 9) as speed,
           20 + ((n * 13 + k * 7) % 11) * 12 as climb
         from generate_series($1::int, $2::int) k cross join generate_series(0, $6::int) n
         where (n + k) % 7 in (0, 2, 4, 5)
       ) r`,
      [from, to, first, shape.today, now, days],
    );
    log(`  activities for athletes ${from}–${to}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  // Every 10th runner's latest run: 60 % over the longest of the 30 days before it (a spike on the roster).
  await client.query(
    `update activities a set distance_m = a.distance_m * 2.4, moving_time_s = a.moving_time_s * 2.4,
       elapsed_time_s = a.elapsed_time_s * 2.4
     from (select distinct on (athlete_id) id from activities
           where athlete_id in (select 'ath-' || lpad(k::text, 5, '0') from generate_series(10, $1, 10) k)
           order by athlete_id, start_ms desc) l
     where a.id = l.id`,
    [shape.athletes],
  );
  await client.query(
    `insert into activity_streams (activity_id, athlete_id, encoding, data)
     select id, athlete_id, $2, $3 from (
       select id, athlete_id, row_number() over (partition by athlete_id order by start_ms desc) as recent
       from activities) a
     where a.recent <= $1`,
    [shape.streamsPerAthlete, shape.streamEncoding, shape.streamBlob],
  );
  // Every 12th runner: pain after runs rising over the last three weeks (2 → 7 of 10).
  await client.query(
    `insert into pain_entries (id, athlete_id, occurred_at, local_date, side, regions_json, pain_during,
       pain_after, pain_next_morning, swelling, onset, activity_id, note, created_at, is_demo)
     select 'pain-' || k || '-' || i, 'ath-' || lpad(k::text, 5, '0'),
       to_char($2::date - (21 - i * 3), 'YYYY-MM-DD') || 'T19:00:00.000Z', to_char($2::date - (21 - i * 3), 'YYYY-MM-DD'),
       'left', '["anterior"]', 1 + i / 2, 2 + i, 1 + i / 2, 'none', 'gradual', null, null, $3, 0
     from generate_series(12, $1, 12) k cross join generate_series(0, 5) i`,
    [shape.athletes, shape.today, now],
  );
  await client.query(
    `insert into assessments (id, athlete_id, created_at, answers_json, result_json, is_demo)
     select 'check-' || k, 'ath-' || lpad(k::text, 5, '0'), $2, $3, $4, 0 from generate_series(50, $1, 50) k`,
    [
      shape.athletes,
      `${addDays(shape.today, -3)}T09:00:00.000Z`,
      shape.assessment.answersJson,
      shape.assessment.resultJson,
    ],
  );
  await client.query('commit');
  await client.query('analyze');
}
