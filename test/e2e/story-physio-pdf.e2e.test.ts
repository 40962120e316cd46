/**
 * Issue 13, third story: a physiotherapist reads the runner's PDF. The hill runner of the first story set
 * miles, so every surface speaks miles: the command line's JSON (SI figures) formatted in miles, the PDF read
 * back with pdftotext, and the dashboard (Today, Training, Plans, the report preview) through `kneewise
 * serve`. The PDF holds no kilometre anywhere, and each of its figures is the one the runner saw: onset, side
 * and place, what makes it worse, weekly volume, the spike run, the cause analysis word for word, what was
 * tried since the onset, the shoes' distances, and the knee check's tier and first condition.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { dateOfDay, dayNumber, weekStartOf } from '../../src/domain/load/calendar-day.ts';
import { formatPlanDistance } from '../../src/domain/plans/plan-distance.ts';
import { formatDistance } from '../../src/domain/units.ts';
import { longDate } from '../../src/report/components/display.format.ts';
import { TIER_LOOK } from '../../web/src/knee/urgency-tiers.ts';
import { HILL_PAIR, hillRunnerStory, OUTER_KNEE_ANSWERS, ROAD_PAIR } from '../factories/hill-runner.story.ts';
import { browserSkipReason, openPage, useBrowser } from '../support/browser.ts';
import { pdfText, pdfTextSkipReason, realToday, type StoryCli, storyCli } from '../support/story-cli.ts';

const skip = browserSkipReason() || pdfTextSkipReason();
const browser = useBrowser(skip);

interface Seen {
  assessment: {
    urgency: keyof typeof TIER_LOOK;
    differential: { name: string; likelihood: number | null; band?: string }[];
  };
  status: { summary: string };
  plan: { weeks: { sessions: { kind: string; title: string; distanceM: number | null }[] }[] };
  why: { onset: string; factors: { id: string; strength: string; summary: string }[] };
  shoes: { shoes: { name: string; distanceM: number; runs: number; firstRunDate: string | null }[] };
  load: {
    runs: { localDate: string; distanceM: number; spikePct: number | null; longestPrev30dM: number | null }[];
    weeks: { weekStart: string; distanceM: number }[];
  };
  pdf: string;
}

const today = realToday();
const story = hillRunnerStory(today);
let cli: StoryCli;
let seen: Seen;

const mi = (m: number) => formatDistance(m, 'mi');
const mondayOf = (date: string) => dateOfDay(weekStartOf(dayNumber(date), 'monday'));

before(async () => {
  if (skip) return;
  cli = storyCli('physio');
  const zip = join(cli.dir, 'export.zip');
  writeFileSync(zip, story.zip);
  await cli.json(['import', zip]);
  for (const e of story.journal)
    await cli.run([
      'pain',
      'log',
      '--date',
      e.date,
      '--side',
      e.side,
      ...(e.during === undefined ? [] : ['--during', String(e.during)]),
      ...(e.after === undefined ? [] : ['--after', String(e.after)]),
      ...(e.morning === undefined ? [] : ['--morning', String(e.morning)]),
    ]);
  const answers = join(cli.dir, 'answers.json');
  writeFileSync(answers, JSON.stringify(OUTER_KNEE_ANSWERS));
  const assessment = await cli.json<Seen['assessment']>(['assess', '--answers', answers]);
  await cli.run(['settings', '--units', 'mi']);
  const pdf = join(cli.dir, 'report.pdf');
  await cli.run(['report', '--pdf', pdf]);
  seen = {
    assessment,
    status: await cli.json(['status']),
    plan: await cli.json(['plan', '--weeks', '1', '--start', today]),
    why: await cli.json(['why']),
    shoes: await cli.json(['shoes', 'list']),
    load: await cli.json(['load']),
    pdf: pdfText(pdf),
  };
});
after(() => cli?.cleanup());

async function visibleText(page: Page, path: string, ready: string): Promise<string> {
  await page.goto(new URL(path, page.url()).toString());
  await page.locator(ready).first().waitFor();
  await page.waitForLoadState('networkidle');
  return page.evaluate(() => document.body.innerText.replace(/\s+/gu, ' '));
}

test('the physiotherapist reads the PDF in miles, and it agrees with every screen and command', {
  skip,
  timeout: 120_000,
}, async () => {
  const { assessment, status, plan, why, shoes, load, pdf } = seen;

  // Miles and feet only.
  assert.ok(pdf.includes('Distances in mi;'), pdf.slice(0, 300));
  const km = /.{0,80}\b(?:km|kilometres?)\b.{0,80}/iu.exec(pdf)?.[0];
  assert.equal(km, undefined, `the PDF speaks km: "${km}"`);

  // Onset, side and place, and what makes it worse, from the journal and the knee check.
  assert.equal(why.onset, story.onset);
  assert.ok(pdf.includes(`Knee report: pain since ${longDate(story.onset)}`));
  assert.ok(pdf.includes('Side right') && pdf.includes('Where outer side'), 'side and place');
  assert.ok(
    pdf.includes(`running beyond about ${mi(OUTER_KNEE_ANSWERS.painStartsAfterKm * 1000)}`),
    'the distance the pain starts at, in miles',
  );

  // The knee check: tier and first condition with its likelihood.
  const top = assessment.differential[0]!;
  assert.ok(pdf.includes(`Urgency: ${TIER_LOOK[assessment.urgency].name}`));
  assert.ok(pdf.includes(`1 ${top.name} ${top.band} (${Math.round(top.likelihood! * 100)} %)`), top.name);

  // Weekly volume: the mean of the 8 weeks before the onset week, from the load report.
  const before8 = load.weeks.filter((w) => w.weekStart < mondayOf(story.onset)).slice(-8);
  const weekly = before8.reduce((s, w) => s + w.distanceM, 0) / before8.length;
  assert.ok(pdf.includes(`Weekly volume ${mi(weekly)} per week`), `weekly volume ${mi(weekly)}`);

  // The spike run and every cause the analysis found, word for word as `why` says them in miles.
  const spike = load.runs.find((r) => r.localDate === story.onset)!;
  assert.ok(pdf.includes(`+${Math.round(spike.spikePct!)}%`), 'the spike on the run chart');
  const found = why.factors.filter((f) => f.strength === 'strong' || f.strength === 'moderate');
  assert.deepEqual(
    found.map((f) => f.id),
    ['session_spike', 'descent_increase', 'new_shoes'],
  );
  for (const f of found) assert.ok(pdf.includes(f.summary), `the PDF says, as why does: ${f.summary}`);
  assert.match(found[0]!.summary, new RegExp(`${mi(spike.distanceM).replace('.', '\\.')} was 50 % longer`));
  assert.match(found[1]!.summary, /\d ft of descent/, 'descent in feet');

  // What was tried since the onset: the runs from the onset on.
  const since = load.runs.filter((r) => r.localDate >= story.onset);
  assert.ok(
    pdf.includes(`Running ${since.length} runs, ${mi(since.reduce((s, r) => s + r.distanceM, 0))}`),
    'runs since the onset',
  );

  // The shoes: distance, runs and first day, as `shoes list` has them.
  for (const name of [HILL_PAIR, ROAD_PAIR]) {
    const pair = shoes.shoes.find((s) => s.name === name)!;
    const row = `${name} ${mi(pair.distanceM)}(?: Runs Used)? ${pair.runs} ${longDate(pair.firstRunDate!)}`;
    assert.match(pdf, new RegExp(row.replaceAll('.', '\\.')), row);
  }

  // The dashboard, in miles: the same next run and ceiling on Today and Training, the same run on Plans.
  const firstRun = plan.weeks[0]!.sessions.find((s) => s.kind === 'run')!;
  const session = `${firstRun.title}, about ${formatPlanDistance(firstRun.distanceM!, 'mi')}`;
  const ceiling = /the 10 % ceiling, (\d+\.\d mi), is context/.exec(status.summary)?.[1];
  assert.ok(ceiling, status.summary);
  const served = await cli.serve();
  try {
    const watched = await openPage(browser(), served, { path: '/#/today' });
    const { page } = watched;
    const todayText = await visibleText(page, '/#/today', '[data-testid="next-run-session"]');
    assert.ok(todayText.includes(session), `Today: ${session}`);
    assert.ok(todayText.includes(`the 10 % ceiling is ${ceiling}`), `Today: ceiling ${ceiling}`);
    const training = await visibleText(page, '/#/training', '[data-testid="next-run-ceiling"]');
    assert.ok(training.includes(session) && training.includes(`The 10 % ceiling, ${ceiling}`), 'Training');
    const plans = await visibleText(page, '/#/plans', 'li.plan-session[data-kind="run"]');
    assert.ok(plans.includes(formatPlanDistance(firstRun.distanceM!, 'mi')), 'Plans: the same run');
    for (const [screen, text] of Object.entries({ today: todayText, training, plans })) {
      const kmOnScreen = /.{0,60}\bkm\b.{0,60}/u.exec(text)?.[0];
      assert.equal(kmOnScreen, undefined, `${screen} speaks km: "${kmOnScreen}"`);
    }
    // The report screen previews the same document.
    await page.goto(new URL('/#/report', served.url).toString());
    const frame = page.frameLocator('iframe[title^="Preview of the report"]');
    const heading = (await frame.locator('h1').textContent({ timeout: 20_000 })) ?? '';
    assert.equal(heading, `Knee report: pain since ${longDate(story.onset)}`);
    const preview = ((await frame.locator('body').textContent()) ?? '').replace(/\s+/gu, ' ');
    for (const f of found) assert.ok(preview.includes(f.summary), `the preview says: ${f.summary}`);
    await watched.screenshot('story-physio-report-preview');
    assert.deepEqual(watched.problems, []);
    await watched.close();
  } finally {
    await served.stop();
  }
});
