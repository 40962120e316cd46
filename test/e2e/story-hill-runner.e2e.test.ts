/**
 * Issue 13, first story: a runner with outer-knee pain after adding hills. A Strava export (two pairs of
 * shoes, ten weeks of flat road runs, then hill runs in a new pair and a long hilly run when the pain began)
 * goes through the real product as the runner uses it: `import`, `pain log` for four runs, the knee check
 * (`assess --answers`), `status`, `why`, `plan`, `shoes list`, `report --pdf`, and `serve` for Today,
 * Training, Plans and Shoes. Every figure the runner meets is asserted to be the same wherever it appears:
 * the next run and the ceiling behind it, the spike, the weekly distance, the pain rule, the shoes' distance,
 * the knee check's tier and first condition, and the onset date.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { addDays, dateOfDay, dayNumber, weekStartOf } from '../../src/domain/load/calendar-day.ts';
import { formatPlanDistance } from '../../src/domain/plans/plan-distance.ts';
import { formatDistance } from '../../src/domain/units.ts';
import { longDate as longDay } from '../../src/report/components/display.format.ts';
import { shortDay } from '../../web/src/format-dates.ts';
import { TIER_LOOK } from '../../web/src/knee/urgency-tiers.ts';
import { HILL_PAIR, hillRunnerStory, OUTER_KNEE_ANSWERS, ROAD_PAIR } from '../factories/hill-runner.story.ts';
import { apiGet, browserSkipReason, openPage, useBrowser } from '../support/browser.ts';
import { pdfText, pdfTextSkipReason, realToday, type StoryCli, storyCli } from '../support/story-cli.ts';

const skip = browserSkipReason() || pdfTextSkipReason();
const browser = useBrowser(skip);

interface Assessment {
  urgency: keyof typeof TIER_LOOK;
  differential: { id: string; name: string; kind: string; likelihood: number | null; band?: string }[];
  nextSteps: string[];
  trainingEvidence: { summary: string[] };
}
interface Status {
  asOf: string;
  nextRunCeilingM: number | null;
  summary: string;
  flags: { id: string; date: string; value: number; measures: Record<string, number> }[];
}
interface NextRun {
  leads: string;
  session: { date: string; title: string; distanceM: number | null } | null;
  ceilingM: number | null;
  painRun: { localDate: string; distanceM: number } | null;
}
interface PlanJson {
  pain: { signal: string; reason: string };
  painRun: { localDate: string; distanceM: number } | null;
  rules: { text: string }[];
  weeks: { sessions: { date: string; kind: string; title: string; distanceM: number | null }[] }[];
}
interface Why {
  onset: string;
  factors: {
    id: string;
    strength: string;
    summary: string;
    advice: string;
    numbers: Record<string, number | string | null>;
  }[];
}
interface Shoes {
  shoes: { name: string; distanceM: number; runs: number; firstRunDate: string | null }[];
}
interface Load {
  runs: { localDate: string; distanceM: number; spikePct: number | null; longestPrev30dM: number | null }[];
  weeks: { weekStart: string; distanceM: number }[];
}

const today = realToday();
const story = hillRunnerStory(today);
let cli: StoryCli;
const seen: {
  assessment?: Assessment;
  status?: Status;
  statusText?: string;
  plan?: PlanJson;
  why?: Why;
  shoes?: Shoes;
  load?: Load;
  pdf?: string;
} = {};

before(async () => {
  if (skip) return;
  cli = storyCli('hills');
  const zip = join(cli.dir, 'strava_export.zip');
  writeFileSync(zip, story.zip);
  const imported = await cli.json<{ imported: number; skipped: unknown[] }>(['import', zip]);
  assert.equal(imported.imported, 37);
  assert.deepEqual(imported.skipped, []);
  for (const entry of story.journal) {
    const args = ['pain', 'log', '--date', entry.date, '--side', entry.side];
    if (entry.during !== undefined) args.push('--during', String(entry.during));
    if (entry.after !== undefined) args.push('--after', String(entry.after));
    if (entry.morning !== undefined) args.push('--morning', String(entry.morning));
    await cli.run(args);
  }
  const answers = join(cli.dir, 'answers.json');
  writeFileSync(answers, JSON.stringify(OUTER_KNEE_ANSWERS));
  seen.assessment = await cli.json<Assessment>(['assess', '--answers', answers]);
  seen.status = await cli.json<Status>(['status']);
  seen.statusText = await cli.run(['status']);
  // The plan from today, as Today builds its next run.
  seen.plan = await cli.json<PlanJson>(['plan', '--weeks', '2', '--start', today]);
  seen.why = await cli.json<Why>(['why']);
  seen.shoes = await cli.json<Shoes>(['shoes', 'list']);
  seen.load = await cli.json<Load>(['load']);
  const pdf = join(cli.dir, 'report.pdf');
  await cli.run(['report', '--pdf', pdf]);
  seen.pdf = pdfText(pdf);
});
after(() => cli?.cleanup());

const km = (m: number) => formatDistance(m, 'km');
const mondayOf = (date: string) => dateOfDay(weekStartOf(dayNumber(date), 'monday'));
const ceilingText = (m: number) => formatPlanDistance(m, 'km');

async function text(page: Page, selector: string): Promise<string> {
  const locator = page.locator(selector).first();
  await locator.waitFor();
  return ((await locator.textContent()) ?? '').replace(/\s+/gu, ' ');
}

test('the hill runner: the same figures on the command line, Today, Training, Plans, Shoes and the PDF', {
  skip,
  timeout: 120_000,
}, async () => {
  const { assessment, status, statusText, plan, why, shoes, load, pdf } = seen as Required<typeof seen>;

  // --- The knee check: self-care, the iliotibial band first.
  const top = assessment.differential[0]!;
  assert.equal(assessment.urgency, 'self-care');
  assert.equal(top.id, 'itbs');
  const tierName = TIER_LOOK[assessment.urgency].name;

  // --- The onset: the day of the long hilly run, everywhere.
  assert.equal(why.onset, story.onset);
  assert.equal(plan.painRun?.localDate, story.onset);

  // --- The spike: the 18 km onset run against the 12 km longest of the 30 days before.
  const spikeRun = load.runs.find((r) => r.localDate === story.onset)!;
  const spikePct = Math.round(spikeRun.spikePct!);
  assert.equal(spikePct, 50);
  const spikeFlag = status.flags.find((f) => f.id === 'session_spike')!;
  assert.equal(spikeFlag.date, story.onset);
  assert.equal(Math.round(spikeFlag.value), spikePct);
  const spikeFactor = why.factors.find((f) => f.id === 'session_spike')!;
  assert.equal(spikeFactor.strength, 'strong');
  assert.ok(
    spikeFactor.summary.includes(
      `${km(spikeRun.distanceM)} was ${spikePct} % longer than your longest run in the 30 days before it (${km(spikeRun.longestPrev30dM!)}`,
    ),
    spikeFactor.summary,
  );

  // --- The next run: pain is above the limit, so the walk-run session leads and the ceiling is context.
  const firstRun = plan.weeks.flatMap((w) => w.sessions).find((s) => s.kind === 'run')!;
  assert.match(firstRun.title, /^Walk-run level \d$/);
  // Without the run that brought the pain on, the ceiling is 1.10 × the 12 km longest before it.
  const returnCeilingM = 1.1 * spikeRun.longestPrev30dM!;
  const ceiling = ceilingText(returnCeilingM);
  assert.ok(
    statusText.includes(`${firstRun.title}, about ${ceilingText(firstRun.distanceM!)} on ${firstRun.date}`),
  );
  assert.ok(statusText.includes(`The 10 % ceiling (${ceiling}) is context`), statusText);
  assert.ok(status.summary.includes(`the 10 % ceiling, ${ceiling}, is context`), status.summary);
  assert.doesNotMatch(
    statusText,
    /Keep your next run under/,
    'no ceiling as the headline above "run shorter"',
  );
  assert.ok(spikeFactor.advice.includes(`Keep runs under ${ceiling}`), spikeFactor.advice);

  // --- The pain rule: one model, "above 5/10" is too much.
  assert.match(plan.pain.reason, /above the 5\/10 limit/);
  assert.ok(statusText.includes(plan.pain.reason), 'status names the pain the plan follows');
  const painRule = plan.rules.find((r) => /above 5\/10 is too much/.test(r.text))!;
  assert.ok(painRule, 'the plan states the pain rule');
  assert.ok(
    assessment.nextSteps.some((step) => step.includes(painRule.text)),
    'the knee check quotes the same pain rule, word for word',
  );

  // --- Shoes: the new pair, first worn 7 days before the onset, with its distance.
  const hill = shoes.shoes.find((s) => s.name === HILL_PAIR)!;
  const road = shoes.shoes.find((s) => s.name === ROAD_PAIR)!;
  assert.equal(hill.firstRunDate, story.hillPairFirstRun);
  assert.deepEqual([km(hill.distanceM), hill.runs], ['50.0 km', 5]);
  const newShoes = why.factors.find((f) => f.id === 'new_shoes')!;
  assert.notEqual(newShoes.strength, 'none', 'why sees the change of shoes before the onset');
  assert.ok(newShoes.summary.includes(`"${HILL_PAIR}" on ${story.hillPairFirstRun}`), newShoes.summary);

  // --- The descent change: one figure, `why`'s per km against the usual, in the knee check too.
  const descent = why.factors.find((f) => f.id === 'descent_increase')!;
  const descentPct = descent.numbers.changePct as number;
  assert.ok(descentPct > 0, 'the hill runner ran more downhill per km before the onset');
  assert.ok(
    assessment.trainingEvidence.summary.some((line) =>
      line.includes(`against your usual: +${Math.round(descentPct)} %`),
    ),
    assessment.trainingEvidence.summary.join(' | '),
  );

  // --- The PDF, as the physiotherapist reads it.
  assert.ok(pdf.includes(`Knee report: pain since ${longDay(story.onset)}`), pdf.slice(0, 200));
  assert.ok(pdf.includes(`Onset ${longDay(story.onset)}`));
  assert.match(pdf, /Where outer side/, 'the outer knee from the knee check');
  assert.ok(pdf.includes(`Urgency: ${tierName}`), 'the same tier');
  assert.ok(pdf.includes(`1 ${top.name}`), `the same first condition: ${top.name}`);
  assert.ok(pdf.includes(`${top.band} (${Math.round(top.likelihood! * 100)} %)`), 'the same likelihood');
  assert.ok(pdf.includes(`+${spikePct}%`), 'the spike on the run chart');
  assert.ok(pdf.includes(`${km(spikeRun.distanceM)} was ${spikePct} % longer`), 'the spike in the causes');
  for (const pair of [hill, road]) {
    // Name, distance, runs and the first day worn (pdftotext may read the table's header in between).
    const row = `${pair.name} ${km(pair.distanceM)}(?: Runs Used)? ${pair.runs} ${longDay(pair.firstRunDate!)}`;
    assert.match(pdf, new RegExp(row.replaceAll('.', '\\.')), `the pair and its distance: ${row}`);
  }

  // --- The dashboard over the same database, through `kneewise serve`.
  const served = await cli.serve();
  try {
    const apiToday = await apiGet<{ status: Status; load: { nextRun: NextRun } }>(served, '/today');
    assert.deepEqual(apiToday.status, status, 'status --json is the status Today embeds');
    const lead = apiToday.load.nextRun;
    assert.equal(lead.leads, 'pain');
    assert.deepEqual(
      [lead.session?.title, lead.session?.distanceM, lead.session?.date],
      [firstRun.title, firstRun.distanceM, firstRun.date],
      "Today leads with the plan's first run",
    );
    assert.equal(ceilingText(lead.ceilingM!), ceiling);
    assert.equal(lead.painRun?.localDate, story.onset);

    const watched = await openPage(browser(), served, { path: '/#/today' });
    const { page } = watched;
    const session = await text(page, '[data-testid="next-run-session"]');
    assert.ok(session.includes(`${firstRun.title}, about ${ceilingText(firstRun.distanceM!)}`), session);
    const context = await text(page, '[data-testid="ceiling-context"]');
    assert.ok(context.includes(`the 10 % ceiling is ${ceiling}`), context);
    assert.ok(context.includes(`${km(spikeRun.distanceM)} run on ${shortDay(story.onset)}`), context);
    assert.ok((await text(page, '[data-testid="next-run-why"]')).includes(plan.pain.reason));
    // The weekly distance: last week on Today is the load report's week (and status's last 7 days).
    const lastWeek = load.weeks.find((w) => w.weekStart === addDays(mondayOf(today), -7))!;
    assert.equal((await text(page, '.today-weeks .week-last')).trim(), km(lastWeek.distanceM));
    const knee = await text(page, '[data-testid="knee-card"]');
    assert.ok(knee.includes(tierName), knee);
    assert.ok(knee.includes(top.name), knee);
    await watched.screenshot('story-hills-today');

    // Training: the same next run and ceiling, the spike run's point, the onset week's distance.
    await page.goto(new URL('/#/training', served.url).toString());
    const trainingNext = await text(page, '[data-testid="next-run-ceiling"]');
    assert.ok(
      trainingNext.includes(`${firstRun.title}, about ${ceilingText(firstRun.distanceM!)}`),
      trainingNext,
    );
    assert.ok(trainingNext.includes(`The 10 % ceiling, ${ceiling}, is context`), trainingNext);
    await page.locator('figure[data-chart="spike-timeline"] .chart-canvas svg').waitFor();
    const runTitles = await page
      .locator('figure[data-chart="spike-timeline"] .chart-canvas svg title')
      .allTextContents();
    assert.ok(
      runTitles.includes(
        `${story.onset}: ${km(spikeRun.distanceM)}, +${spikePct} % against the 30-day longest (${km(spikeRun.longestPrev30dM!)})`,
      ),
      runTitles.slice(-6).join(' | '),
    );
    const onsetWeek = load.weeks.find((w) => w.weekStart === mondayOf(story.onset))!;
    const weekTitles = await page
      .locator('figure[data-chart="weekly-distance"] .chart-canvas svg title')
      .allTextContents();
    for (const week of [onsetWeek, lastWeek])
      assert.ok(
        weekTitles.some((t) => t.startsWith(`Week of ${week.weekStart}: ${km(week.distanceM)}`)),
        `week of ${week.weekStart}: ${weekTitles.slice(-4).join(' | ')}`,
      );
    // The cadence axis counts whole steps per minute (it read 172.5 and 172.0).
    const cadenceTicks = await page
      .locator('figure[data-chart="cadence"] .chart-canvas svg g[aria-label="y-axis tick label"] text')
      .allTextContents();
    assert.ok(cadenceTicks.length >= 2, `cadence ticks: ${cadenceTicks.join(' ')}`);
    for (const tick of cadenceTicks) assert.match(tick, /^\d+$/, `cadence ticks: ${cadenceTicks.join(' ')}`);
    await watched.screenshot('story-hills-training');

    // Plans: the same first run, and the same pain rule.
    await page.goto(new URL('/#/plans', served.url).toString());
    const planRun = page.locator('li.plan-session[data-kind="run"]').first();
    await planRun.waitFor();
    assert.equal(
      await planRun
        .locator('.session-title')
        .textContent()
        .then((t) => t?.includes(firstRun.title)),
      true,
    );
    assert.equal((await planRun.locator('.planned').textContent())?.trim(), ceilingText(firstRun.distanceM!));
    assert.ok((await text(page, '.plan-rules')).includes(painRule.text), 'the pain rule, word for word');
    await watched.screenshot('story-hills-plans');

    // Shoes: the same distance and runs per pair.
    await page.goto(new URL('/#/shoes', served.url).toString());
    const hillCard = await text(page, `.shoe-grid article[data-shoe="${HILL_PAIR}"]`);
    assert.ok(hillCard.includes(km(hill.distanceM)) && hillCard.includes(`${hill.runs} runs`), hillCard);
    const roadCard = await text(page, `.shoe-grid article[data-shoe="${ROAD_PAIR}"]`);
    assert.ok(roadCard.includes(km(road.distanceM)) && roadCard.includes(`${road.runs} runs`), roadCard);

    assert.deepEqual(watched.problems, []);
    await watched.close();
  } finally {
    await served.stop();
  }
});
