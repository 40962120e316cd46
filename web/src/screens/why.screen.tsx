/**
 * Why: what changed in the runner's training before the knee started hurting (GET /api/why = `why --json`).
 * The eleven factors come ranked by the server, strongest first; those found lead with the runner's own
 * numbers, the advice and the evidence, and those not found are folded away at the bottom. The onset is the
 * latest journal episode unless the runner picks another (`#/why?onset=YYYY-MM-DD`).
 */
import { useMemo, useState } from 'preact/hooks';
import { groupEpisodes } from '../../../src/domain/journal/pain-episodes.ts';
import { ApiError, useApi } from '../api.ts';
import { NotADiagnosis, Screen } from '../components/screen.tsx';
import { ErrorMessage, Loading } from '../components/status-messages.tsx';
import { WhyAbsentFactor, WhyFactorCard } from '../components/why-factor-card.tsx';
import { WhyJournal } from '../components/why-journal.tsx';
import { WhyOnsetPicker } from '../components/why-onset-picker.tsx';
import { routeParams } from '../routes.ts';
import { useAppState } from '../settings-context.tsx';
import type { PainList, WhyReport } from '../types/why.ts';
import './why.screen.css';

function initialOnset(): string | null {
  const onset = routeParams(location.hash).get('onset');
  return onset && /^\d{4}-\d{2}-\d{2}$/.test(onset) ? onset : null;
}

export function WhyScreen() {
  const { overview } = useAppState();
  const [onset, setOnset] = useState<string | null>(initialOnset);
  const pain = useApi<PainList>('/pain');
  const episodes = useMemo(() => (pain.data ? groupEpisodes(pain.data.entries) : null), [pain.data]);
  // Without an onset, `why` explains the latest episode; with none in the journal there is nothing to ask.
  const whyPath =
    onset !== null
      ? `/why?onset=${encodeURIComponent(onset)}`
      : episodes === null
        ? null
        : episodes.length > 0
          ? '/why'
          : null;
  const why = useApi<WhyReport>(whyPath);
  const noEpisode =
    (onset === null && episodes !== null && episodes.length === 0) ||
    (why.error instanceof ApiError && why.error.code === 'NO_PAIN_EPISODE');

  const choose = (next: string | null) => {
    setOnset(next);
    // Keep the address linkable without a hashchange (the shell would treat it as navigation).
    history.replaceState(null, '', next === null ? '#/why' : `#/why?onset=${next}`);
  };

  const report = why.data;
  const present = report ? report.factors.filter((f) => f.strength !== 'none') : [];
  const absent = report ? report.factors.filter((f) => f.strength === 'none') : [];
  const shownOnset = report?.onset ?? onset;

  return (
    <Screen
      title="Why"
      intro="What changed in your running in the two weeks before your knee started hurting, against your usual, and what studies say about each change."
    >
      {noEpisode && (
        <div class="card empty-state why-empty" data-testid="why-empty">
          <h2>No pain episode yet</h2>
          <p>
            There is no pain in your journal to explain. When your knee hurts,{' '}
            <a href="#/journal">log it in the journal</a>: this screen then shows what changed in your running
            before it began. You can also pick the day the pain began below.
          </p>
        </div>
      )}
      {(report || noEpisode) && (
        <WhyOnsetPicker
          key={shownOnset ?? 'none'}
          episodes={episodes ?? []}
          onset={shownOnset}
          today={overview.today}
          onChange={choose}
        />
      )}
      {why.error && !noEpisode && <ErrorMessage error={why.error} retry={why.reload} />}
      {pain.error && <ErrorMessage error={pain.error} retry={pain.reload} />}
      {!report && !why.error && !pain.error && !noEpisode && <Loading what="what changed before the pain" />}
      {report && (
        <div aria-busy={why.loading}>
          <section class="card why-onset-summary" aria-labelledby="why-onset-title">
            <h2 id="why-onset-title" aria-live="polite">
              Pain began {report.onset}
            </h2>
            {report.episode && (
              <p>
                Worst pain {report.episode.peakPain}/10
                {report.episode.sides.length > 0 && <>, {report.episode.sides.join(' and ')} knee</>}
                {report.episode.regions.length > 0 && <>, {report.episode.regions.join(', ')}</>}
                {report.episode.lastDate !== report.onset && <>; last noted {report.episode.lastDate}</>}
                {report.episode.onsetType && <>; {report.episode.onsetType} onset</>}.
              </p>
            )}
            <p class="muted">
              We compared {report.window.recentFrom} to {report.onset} with your usual from{' '}
              {report.window.baselineFrom} to {report.window.baselineTo}.
            </p>
          </section>

          <h2>What changed, strongest first</h2>
          {present.length === 0 ? (
            <p class="card">No factor stands out in your data before this onset.</p>
          ) : (
            <ol class="why-factors">
              {present.map((factor, i) => (
                <li key={factor.id}>
                  <WhyFactorCard factor={factor} rank={i + 1} />
                </li>
              ))}
            </ol>
          )}

          {absent.length > 0 && (
            <details class="card why-absent">
              <summary>
                Not found in your data ({absent.length} {absent.length === 1 ? 'factor' : 'factors'})
              </summary>
              <ul>
                {absent.map((factor) => (
                  <WhyAbsentFactor key={factor.id} factor={factor} />
                ))}
              </ul>
            </details>
          )}

          <WhyJournal journal={report.journal} />
          <p class="not-diagnosis">{report.notice}</p>
        </div>
      )}
      {!report && <NotADiagnosis />}
    </Screen>
  );
}
