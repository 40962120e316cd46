/**
 * `kneewise why`: joins the pain journal, the runs and the shoes, and explains an episode's onset with the
 * runner's own numbers (domain/causes). Without an onset date, the latest episode of the journal is used.
 */
import type { Kysely } from 'kysely';
import { ActivityRepository } from '../db/repositories/activity.repository.ts';
import type { Athlete } from '../db/repositories/athlete.repository.ts';
import { ShoeRepository } from '../db/repositories/shoe.repository.ts';
import type { Database } from '../db/schema.ts';
import { explainOnset, type WhyResult } from '../domain/causes/cause-analysis.ts';
import type { CauseRun, CauseShoe } from '../domain/causes/cause-input.ts';
import { type JournalCorrelations, journalCorrelations } from '../domain/causes/journal-correlations.ts';
import { KneewiseError } from '../domain/errors.ts';
import { JOURNAL_CODES, parseLocalDate } from '../domain/journal/pain-entry.ts';
import { groupEpisodes, type PainEpisode } from '../domain/journal/pain-episodes.ts';
import { shoeThresholdsOf } from '../domain/settings.ts';
import type { ShoeThresholds } from '../domain/shoes/shoe-thresholds.ts';
import { toLoadActivity } from './activity-history.service.ts';
import { JournalService } from './journal.service.ts';

export interface WhyReport extends WhyResult {
  /** The journal episode explained, when the onset came from (or falls inside) one. */
  episode: PainEpisode | null;
  journal: JournalCorrelations;
}

export class WhyService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly athlete: Athlete,
    private readonly now: () => Date,
    /** Default: the runner's stored reminder distances, so `why`, the dashboard and the report agree. */
    private readonly thresholds: ShoeThresholds = shoeThresholdsOf(athlete.settings),
  ) {}

  async explain(options: { onset?: string } = {}): Promise<WhyReport> {
    const entries = await new JournalService(this.db, this.athlete, this.now).all();
    const episodes = groupEpisodes(entries);
    let onset: string;
    let episode: PainEpisode | null;
    if (options.onset !== undefined) {
      onset = parseLocalDate(options.onset, '--onset');
      episode = episodes.find((e) => e.onset <= onset && onset <= e.lastDate) ?? null;
    } else {
      episode = episodes[episodes.length - 1] ?? null;
      if (episode === null) {
        throw new KneewiseError(
          JOURNAL_CODES.NO_PAIN_EPISODE,
          'No pain episode in the journal yet: log one with "kneewise pain log --date YYYY-MM-DD --after N", ' +
            'or give the day the pain began with --onset YYYY-MM-DD',
          'input',
        );
      }
      onset = episode.onset;
    }
    const activities: CauseRun[] = (await new ActivityRepository(this.db).list(this.athlete.id)).map(
      (row) => ({
        ...toLoadActivity(row),
        shoeId: row.shoe_id,
      }),
    );
    const shoes: CauseShoe[] = (await new ShoeRepository(this.db).list(this.athlete.id)).map((s) => ({
      id: s.id,
      name: s.name,
      startDistanceM: s.start_distance_m,
    }));
    const units = this.athlete.settings.units;
    const result = explainOnset({
      onset,
      activities,
      shoes,
      units,
      shoeThresholds: this.thresholds,
    });
    const journal = journalCorrelations({ activities, shoes, entries, units, thresholds: this.thresholds });
    return { ...result, episode, journal };
  }
}
