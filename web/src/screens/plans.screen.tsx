/**
 * Plans: routines to play before and after a run, the programme picked from the latest knee check, the
 * coming weeks of running, cross-training and strength, and the advice on returning to running. Each part
 * lives in web/src/plans/; this screen loads what several of them share and lays them out.
 */
import { useState } from 'preact/hooks';
import { useApi } from '../api.ts';
import { NotADiagnosis, Screen } from '../components/screen.tsx';
import { ErrorMessage, Loading } from '../components/status-messages.tsx';
import { AdviceSection } from '../plans/advice-section.tsx';
import { planQuery } from '../plans/plan-format.ts';
import { PlanControls, type PlanRequest, PlanWeeks } from '../plans/plan-weeks.tsx';
import { ProgrammeSection, programmeRoutineOf } from '../plans/programme-section.tsx';
import { RoutineSection } from '../plans/routine-section.tsx';
import type { PlanJson, ProgrammeJson } from '../types/plans.ts';
import './plans.screen.css';

const CONTENTS: readonly [string, string][] = [
  ['routines-title', 'Routines'],
  ['programme-title', 'Your programme'],
  ['weeks-title', 'The coming weeks'],
  ['advice-title', 'Returning to running'],
];

/** In-page jumps are buttons, not #anchors: the hash holds the route (#/plans). */
function jumpTo(id: string): void {
  const target = document.getElementById(id);
  if (!target) return;
  target.setAttribute('tabindex', '-1');
  target.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
}

export function PlansScreen() {
  const [request, setRequest] = useState<PlanRequest>({ weeks: 4, goalKm: null });
  const plan = useApi<PlanJson>(`/plan?${planQuery(request.weeks, request.goalKm)}`);
  const programme = useApi<ProgrammeJson>('/programme');

  return (
    <Screen
      title="Plans"
      intro="What to do before and after a run, the exercises for your knee, and the next weeks of running, built so no run jumps past what your knee is used to."
    >
      <nav class="plans-contents" aria-label="On this screen">
        {CONTENTS.map(([id, label]) => (
          <button key={id} type="button" class="link-button" onClick={() => jumpTo(id)}>
            {label}
          </button>
        ))}
      </nav>

      <RoutineSection
        programme={programme.data ? programmeRoutineOf(programme.data) : null}
        onLogged={programme.reload}
      />

      <ProgrammeSection loaded={programme} />

      <section class="plans-section" aria-labelledby="weeks-title">
        <h2 id="weeks-title">The coming weeks</h2>
        <PlanControls request={request} onChange={setRequest} />
        <div aria-live="polite" aria-busy={plan.loading ? 'true' : 'false'}>
          {plan.loading && <Loading what="the plan" />}
          {plan.error && <ErrorMessage error={plan.error} retry={plan.reload} />}
        </div>
        {plan.data && <PlanWeeks plan={plan.data} request={request} />}
      </section>

      <AdviceSection pain={plan.data?.pain ?? null} />

      <NotADiagnosis />
    </Screen>
  );
}
