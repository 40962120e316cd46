/**
 * The clinician report use case: gathers the runner, the chosen pain episode, the latest assessment, training
 * around the onset, shoes, what was tried since, and the cause analysis into one `ReportData`, then writes it
 * as HTML and (with a browser) PDF. Reads only; the journal, shoe, load and why services stay the owners of
 * their numbers.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { ActivityRepository, type ActivityRow } from '../db/repositories/activity.repository.ts';
import type { Athlete } from '../db/repositories/athlete.repository.ts';
import type { Database } from '../db/schema.ts';
import { isRunningSport } from '../domain/activity/sport.ts';
import { clinicianSources, readableSource } from '../domain/citation.ts';
import { KneewiseError } from '../domain/errors.ts';
import { episodePlace } from '../domain/journal/episode-place.ts';
import { JOURNAL_CODES, type PainEntry, parseLocalDate } from '../domain/journal/pain-entry.ts';
import { groupEpisodes, type PainEpisode } from '../domain/journal/pain-episodes.ts';
import { addDays, dateOfDay, dayNumber, weekStartOf } from '../domain/load/calendar-day.ts';
import { describeFlag } from '../domain/load/load-flag.messages.ts';
import type { LoadReport } from '../domain/load/load-report.ts';
import { PROGRAMME_IDS, type ProgrammeId } from '../domain/plans/exercise.ts';
import { getProgramme } from '../domain/plans/programmes.catalog.ts';
import { SHOE_EVIDENCE } from '../domain/shoes/shoe-thresholds.ts';
import type { DistanceUnits } from '../domain/units.ts';
import {
  assessmentSummary,
  type SavedAssessment as StoredAssessment,
  worseWith,
} from '../report/assessment.summary.ts';
import { renderReportHtml } from '../report/components/report.document.ts';
import type { PdfRenderer } from '../report/pdf-renderer.ts';
import { noBrowserError } from '../report/pdf-renderer.ts';
import type {
  CauseSummary,
  EpisodeSummary,
  ReportData,
  RunnerSummary,
  ShoeSummary,
  TrainingSummary,
  TriedSummary,
} from '../report/report-data.ts';
import { todayIn } from './activity-history.service.ts';
import { latestSavedAssessment } from './assessment-history.service.ts';
import { systemTimeZone } from './import/zone-offset.ts';
import { JournalService } from './journal.service.ts';
import { computeLoad } from './load.service.ts';
import { ShoeService } from './shoe.service.ts';

export const DEFAULT_REPORT_WEEKS = 8;
/** Beyond this many weeks after onset the charts stop: the lead-up is what the report is about. */
const MAX_WEEKS_AFTER_ONSET = 18;

export interface ReportOptions {
  /** A day inside the wanted episode (YYYY-MM-DD); default the latest episode. */
  episode?: string;
  /** Weeks of training shown before the onset; default 8. */
  weeks?: number;
}

/** The cause analysis as the report needs it; injected so the report works before/without `why`. */
export interface CauseAnalyser {
  explain(onset: string): Promise<CauseSummary>;
}

export class ReportService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly athlete: Athlete,
    private readonly now: () => Date,
    private readonly causes: CauseAnalyser | null = null,
  ) {}

  async build(options: ReportOptions = {}): Promise<ReportData> {
    const weeks = options.weeks ?? DEFAULT_REPORT_WEEKS;
    if (!Number.isInteger(weeks) || weeks < 1 || weeks > 52) {
      throw new KneewiseError(
        'REPORT_INVALID',
        `--weeks: expected a whole number from 1 to 52, got ${weeks}`,
      );
    }
    const settings = this.athlete.settings;
    const today = todayIn(this.now(), settings.timeZone ?? systemTimeZone());
    const entries = await new JournalService(this.db, this.athlete, this.now).all();
    const episode = pickEpisode(groupEpisodes(entries), options.episode);
    const activities = await new ActivityRepository(this.db).list(this.athlete.id);
    const saved = await latestSavedAssessment(this.db, this.athlete.id, 'REPORT_INVALID');
    // The report reads stored JSON defensively (rows saved by older versions), so it takes it untyped.
    const assessmentRow: StoredAssessment | null =
      saved === null
        ? null
        : {
            createdAt: saved.createdAt,
            answers: { ...saved.answers },
            result: { ...saved.result },
          };
    const assessment = assessmentRow === null ? null : assessmentSummary(assessmentRow);
    const answers = assessmentRow === null ? {} : assessmentRow.answers;

    const anchor = episode?.onset ?? today;
    const weekOf = (date: string) => dateOfDay(weekStartOf(dayNumber(date), settings.weekStart));
    const from = weekOf(addDays(anchor, -7 * (episode === null ? weeks + 4 : weeks)));
    const cap = episode === null ? today : addDays(episode.onset, 7 * MAX_WEEKS_AFTER_ONSET);
    const to = cap < today ? cap : today;
    const load = await computeLoad(this.db, this.athlete, to);
    // Flags as of the onset describe the lead-up, which is what a clinician asks about.
    const leadUp = episode === null ? load : await computeLoad(this.db, this.athlete, episode.onset);
    const training = trainingSummary(load, leadUp, from, to, weekOf, settings.units);

    const shoes = await this.shoes();
    const causes = episode === null || this.causes === null ? null : await this.safeCauses(episode.onset);
    const sources = clinicianSources([
      ...(assessment?.sources ?? []),
      ...(causes?.status === 'ok'
        ? causes.factors.filter((f) => f.strength !== 'none').map((f) => f.source)
        : []),
      ...(causes?.status === 'ok'
        ? []
        : leadUp.flags.filter((f) => f.severity !== 'context').map((f) => f.source)),
      ...(load.ceiling === null ? [] : [load.ceiling.source]),
      ...(shoes.length > 0 ? [SHOE_EVIDENCE.source] : []),
    ]);
    return {
      generatedOn: today,
      units: settings.units,
      isDemo: this.athlete.isDemo,
      runner: runnerSummary(this.athlete, answers, activities, training, anchor, weekOf),
      episode: episode === null ? null : episodeSummary(episode, entries, answers, settings.units),
      assessment,
      training,
      shoes,
      tried: episode === null ? null : await this.tried(episode.onset, today, activities),
      causes,
      sources,
    };
  }

  private async shoes(): Promise<ShoeSummary[]> {
    const list = await new ShoeService(this.db, this.athlete, this.now).list({ includeRetired: true });
    return list.shoes
      .filter((s) => s.retiredAt === null || s.runs > 0)
      .map((s) => ({
        name: s.name,
        distanceM: s.distanceM,
        runs: s.runs,
        firstRunDate: s.firstRunDate,
        lastRunDate: s.lastRunDate,
        retired: s.retiredAt !== null,
        alert: s.alert,
      }));
  }

  private async safeCauses(onset: string): Promise<CauseSummary> {
    try {
      return await (this.causes as CauseAnalyser).explain(onset);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return { status: 'unavailable', reason: `The cause analysis could not run: ${why}` };
    }
  }

  private async tried(onset: string, today: string, activities: ActivityRow[]): Promise<TriedSummary> {
    const since = activities.filter((a) => a.local_date >= onset && a.local_date <= today);
    const runs = since.filter((a) => isRunningSport(a.sport as never));
    const runDays = new Set(runs.map((r) => r.local_date));
    const daysSince = dayNumber(today) - dayNumber(onset) + 1;
    const cross = new Map<string, { sessions: number; durationS: number }>();
    for (const a of since) {
      if (isRunningSport(a.sport as never) || a.sport === 'walk') continue;
      const c = cross.get(a.sport) ?? { sessions: 0, durationS: 0 };
      c.sessions += 1;
      c.durationS += Number(a.moving_time_s);
      cross.set(a.sport, c);
    }
    const sessions = await this.db
      .selectFrom('programme_sessions')
      .select(['local_date', 'programme_id'])
      .where('athlete_id', '=', this.athlete.id)
      .where('local_date', '>=', onset)
      .orderBy('local_date')
      .execute();
    return {
      since: onset,
      daysSince,
      runs: runs.length,
      distanceM: runs.reduce((sum, r) => sum + Number(r.distance_m), 0),
      daysWithoutRun: Math.max(0, daysSince - runDays.size),
      programmeSessions: {
        count: sessions.length,
        first: sessions[0]?.local_date ?? null,
        last: sessions[sessions.length - 1]?.local_date ?? null,
        programmes: unique(sessions.map((s) => programmeName(s.programme_id))),
      },
      crossTraining: [...cross].map(([sport, c]) => ({ sport, ...c })),
    };
  }
}

function pickEpisode(episodes: PainEpisode[], day: string | undefined): PainEpisode | null {
  if (day === undefined) return episodes[episodes.length - 1] ?? null;
  const date = parseLocalDate(day, '--episode');
  const found = episodes.find((e) => e.onset <= date && date <= e.lastDate);
  if (found) return found;
  const known = episodes.map((e) => `${e.onset} … ${e.lastDate}`).join(', ');
  throw new KneewiseError(
    JOURNAL_CODES.NO_PAIN_EPISODE,
    `--episode ${date}: no pain episode covers that day. ${known === '' ? 'The journal has no episode yet.' : `Episodes: ${known}`}`,
    'input',
  );
}

function trainingSummary(
  load: LoadReport,
  leadUp: LoadReport,
  from: string,
  to: string,
  weekOf: (date: string) => string,
  units: DistanceUnits,
): TrainingSummary {
  const runs = load.runs.flatMap((r, i) => {
    if (r.localDate < from || r.localDate > to) return [];
    const d = load.runDetails[i];
    return [
      {
        date: r.localDate,
        distanceM: r.distanceM,
        spikePct: r.spikePct,
        spikeCategory: r.spikeCategory,
        descentM: d?.descentM ?? null,
        cadenceSpm: d?.cadenceSpm ?? null,
      },
    ];
  });
  const byWeek = new Map(load.weeks.map((w) => [w.weekStart, w]));
  const descent = new Map(load.weekDescent.map((w) => [w.weekStart, w.descentM]));
  const weeks: TrainingSummary['weeks'] = [];
  for (let start = from; start <= to; start = addDays(start, 7)) {
    const w = byWeek.get(start);
    weeks.push({
      weekStart: start,
      distanceM: w?.distanceM ?? 0,
      runs: w?.runs ?? 0,
      changePct: w?.changePct ?? null,
      descentM: descent.get(start) ?? null,
      hasSpike: runs.some(
        (r) => weekOf(r.date) === start && (r.spikeCategory === 'moderate' || r.spikeCategory === 'large'),
      ),
    });
  }
  // Re-worded in the runner's units (a flag's stored `message` is in km).
  const flags = leadUp.flags.filter((f) => f.severity !== 'context').map((f) => describeFlag(f, units));
  return { from, to, weeks, runs, flags: unique(flags), note: load.message };
}

function runnerSummary(
  athlete: Athlete,
  answers: Record<string, unknown>,
  activities: ActivityRow[],
  training: TrainingSummary,
  anchor: string,
  weekOf: (date: string) => string,
): RunnerSummary {
  const age =
    typeof answers.age === 'number'
      ? answers.age
      : athlete.settings.birthYear === null
        ? null
        : Number(anchor.slice(0, 4)) - athlete.settings.birthYear;
  const sex = athlete.settings.sex ?? (typeof answers.sex === 'string' ? answers.sex : null);
  const runs = activities.filter((a) => isRunningSport(a.sport as never));
  const first = runs[0]?.local_date ?? null;
  const months = first === null ? 0 : Math.max(0, Math.round((dayNumber(anchor) - dayNumber(first)) / 30.44));
  let experience =
    first === null
      ? 'No runs imported.'
      : `Imported running records go back to ${first} (${months >= 24 ? `${Math.round(months / 12)} years` : `${months} months`}, ${runs.length} runs).`;
  if (answers.noviceRunner === true) experience += ' Describes themself as a novice runner.';
  // Mean over the full weeks before the anchor's week, empty weeks counting as 0.
  const anchorWeek = weekOf(anchor);
  const before = training.weeks.filter((w) => w.weekStart < anchorWeek).slice(-DEFAULT_REPORT_WEEKS);
  const total = before.reduce((s, w) => s + w.distanceM, 0);
  const count = before.reduce((s, w) => s + w.runs, 0);
  return {
    ageBand: age === null ? null : ageBand(age),
    sex,
    experience,
    weeklyVolumeM: before.length === 0 || count === 0 ? null : total / before.length,
    volumeWeeks: before.length,
    runsPerWeek: before.length === 0 || count === 0 ? null : count / before.length,
  };
}

function ageBand(age: number): string {
  if (age < 18) return 'under 18 years';
  const low = Math.floor(age / 10) * 10;
  return `${low}–${low + 9} years`;
}

const SWELLING_RANK: Readonly<Record<string, number>> = { none: 0, mild: 1, severe: 2 };

function episodeSummary(
  episode: PainEpisode,
  entries: PainEntry[],
  answers: Record<string, unknown>,
  units: DistanceUnits,
): EpisodeSummary {
  const mine = entries.filter((e) => episode.entryIds.includes(e.id));
  let swelling: string | null = null;
  for (const e of mine) {
    if (
      e.swelling !== null &&
      (swelling === null || (SWELLING_RANK[e.swelling] ?? 0) > (SWELLING_RANK[swelling] ?? 0))
    )
      swelling = e.swelling;
  }
  return {
    onset: episode.onset,
    lastDate: episode.lastDate,
    // The journal's side and place; the knee check's answers when the journal did not say.
    ...episodePlace(episode, answers),
    onsetType: episode.onsetType,
    peakPain: episode.peakPain,
    entries: mine.map((e) => ({
      date: e.localDate,
      during: e.painDuring,
      after: e.painAfter,
      nextMorning: e.painNextMorning,
      swelling: e.swelling,
      note: e.note,
    })),
    swelling,
    worseWith: worseWith(answers, units),
  };
}

/** The programme's name as the runner saw it ("Kneecap pain (patellofemoral pain)"), not its id. */
function programmeName(id: string): string {
  return (PROGRAMME_IDS as readonly string[]).includes(id)
    ? getProgramme(id as ProgrammeId).name
    : id.replaceAll('_', ' ');
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.filter((v) => v.trim() !== ''))];
}

/** A citation without our repository's own notes ("— research/clinical.md §5"), which mean nothing outside. */
export function publicSource(source: string): string {
  return readableSource(source);
}

export interface WrittenReport {
  htmlPath: string | null;
  pdfPath: string | null;
}

/**
 * Writes the HTML (when asked) and the PDF (when asked). Without a renderer the HTML is still written and the
 * error names CHROMIUM_PATH; with only --pdf the HTML goes to a temporary file that is removed afterwards.
 */
export async function writeReport(
  data: ReportData,
  target: { html?: string; pdf?: string },
  renderer: PdfRenderer | null,
): Promise<WrittenReport> {
  const markup = renderReportHtml(data);
  if (target.html !== undefined) writeFileSync(target.html, markup);
  if (target.pdf === undefined) return { htmlPath: target.html ?? null, pdfPath: null };
  if (renderer === null) throw noBrowserError();
  let htmlPath = target.html;
  let scratch: string | null = null;
  if (htmlPath === undefined) {
    scratch = mkdtempSync(join(tmpdir(), 'kneewise-report-'));
    htmlPath = join(scratch, 'report.html');
    writeFileSync(htmlPath, markup);
  }
  try {
    await renderer.render(htmlPath, target.pdf);
  } finally {
    if (scratch !== null) rmSync(scratch, { recursive: true, force: true });
  }
  return { htmlPath: target.html ?? null, pdfPath: target.pdf };
}

/** The `why` service as the report's cause analyser, loaded on first use so the report never depends on it. */
export function whyCauseAnalyser(db: Kysely<Database>, athlete: Athlete, now: () => Date): CauseAnalyser {
  return {
    async explain(onset) {
      const [{ WhyService }, { FACTOR_EVIDENCE }] = await Promise.all([
        import('./why.service.ts'),
        import('../domain/causes/factor-catalog.ts'),
      ]);
      const report = await new WhyService(db, athlete, now).explain({ onset });
      return {
        status: 'ok',
        onset: report.onset,
        factors: report.factors.map((f) => ({
          label: FACTOR_EVIDENCE[f.id].label,
          strength: f.strength,
          summary: f.summary,
          source: f.source,
        })),
      };
    },
  };
}
