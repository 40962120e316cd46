/**
 * Today: what a runner wants when they open the app. A pressing knee-check result first, then how far the
 * next run may go, this week against last, what needs attention, and the way to the knee check, the journal
 * and the plan. Every empty state says what to do next.
 */
import { useApi } from '../api.ts';
import { NotADiagnosis, Screen } from '../components/screen.tsx';
import { ErrorMessage, Loading } from '../components/status-messages.tsx';
import { TodayAlerts } from '../components/today-alerts.tsx';
import { JournalCard, KneeCheckCard, NextPlannedCard } from '../components/today-cards.tsx';
import { TodayCeiling } from '../components/today-ceiling.tsx';
import { isPressing, TodayUrgentBanner } from '../components/today-urgency.tsx';
import { TodayWeeks } from '../components/today-weeks.tsx';
import { longDay } from '../format-dates.ts';
import { LazyOnboarding } from '../onboarding/lazy-onboarding.ts';
import { useAppState, useIsOwnData } from '../settings-context.tsx';
import type { TodayResponse } from '../types/today.ts';
import './today.css';

function NoRunsYet() {
  // Server mode: someone the athlete shares with cannot import for them.
  if (!useIsOwnData()) {
    return (
      <section class="card today-empty" aria-labelledby="empty-title">
        <h2 id="empty-title">No runs yet</h2>
        <p>The athlete has not imported any runs.</p>
      </section>
    );
  }
  return (
    <section class="card today-empty" aria-labelledby="empty-title">
      <h2 id="empty-title">No runs yet</h2>
      <p>
        Bring in your Strava or Garmin export, or a few .fit, .gpx or .tcx files, and Today shows how far your
        next run can safely go and what changed in your training.
      </p>
      <a class="button" href="#/welcome">
        Import your runs
      </a>
    </section>
  );
}

/**
 * With no data at all (a fresh install after the welcome was skipped, or the demo just removed), the most
 * useful Today is the way in. A knee check is data: after one, Today shows its result even with no runs.
 */
export function TodayScreen() {
  const { overview, refresh } = useAppState();
  const own = useIsOwnData();
  // The welcome imports and seeds a demo: for the athlete only (someone they share with sees the empty Today).
  if (own && overview.counts.activities === 0 && !overview.hasDemo && overview.counts.assessments === 0) {
    return (
      <LazyOnboarding
        onDone={() => {
          location.hash = '#/today';
          refresh();
        }}
      />
    );
  }
  return <TodayWithData />;
}

function TodayWithData() {
  const { overview } = useAppState();
  const loaded = useApi<TodayResponse>('/today');
  const data = loaded.data;
  const asOf = data?.asOf ?? overview.today;
  const today = data?.today ?? overview.today;
  const hasRuns = overview.counts.runs > 0;
  const pressing = data?.latestAssessment ? isPressing(data.latestAssessment.urgency) : false;
  const checkLeads = !hasRuns && !!data?.latestAssessment;

  return (
    <Screen title="Today" intro={longDay(asOf)}>
      {loaded.error && <ErrorMessage error={loaded.error} retry={loaded.reload} />}
      {!data && !loaded.error && <Loading what="today" />}
      {data && (
        <>
          {pressing && data.latestAssessment && <TodayUrgentBanner assessment={data.latestAssessment} />}
          <div class="today-top">
            {/* No runs yet but a knee check: its result is what Today is about. */}
            {!hasRuns && checkLeads && <KneeCheckCard assessment={data.latestAssessment} />}
            {hasRuns ? <TodayCeiling load={data.load} today={today} paused={pressing} /> : <NoRunsYet />}
            {hasRuns && <TodayWeeks load={data.load} />}
          </div>
          <TodayAlerts flags={data.load.flags} shoes={data.shoeAlerts} pain={data.painStatus} />
          <div class="cards today-cards">
            {!checkLeads && <KneeCheckCard assessment={data.latestAssessment} />}
            <JournalCard entry={data.latestPain} today={today} />
            <NextPlannedCard session={data.nextPlanned} today={today} paused={pressing} />
          </div>
          <NotADiagnosis />
        </>
      )}
    </Screen>
  );
}
