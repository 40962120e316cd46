/**
 * Knee check: the latest saved assessment (with "Start a new check"), or the adaptive questionnaire, and the
 * result of a finished check. The questionnaire and the result live in web/src/knee/.
 */
import { useState } from 'preact/hooks';
import { ApiError, useApi } from '../api.ts';
import { Screen } from '../components/screen.tsx';
import { ErrorMessage, Loading } from '../components/status-messages.tsx';
import { AssessmentResultView } from '../knee/assessment-result.tsx';
import { Questionnaire } from '../knee/questionnaire.tsx';
import { toSavedAssessment } from '../knee/saved-assessment.ts';
import { useAppState, useCanWrite } from '../settings-context.tsx';
import type { AssessmentResult, DraftAnswers } from '../types/assessment.ts';
import './knee-check.css';

type Mode =
  | { kind: 'overview' }
  | { kind: 'asking' }
  | { kind: 'result'; result: AssessmentResult; answers: DraftAnswers };

function savedOn(createdAt: string | null): string {
  if (!createdAt) return 'Your last saved check.';
  const when = new Date(createdAt);
  if (Number.isNaN(when.getTime())) return 'Your last saved check.';
  const date = when.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  return `Your last check, saved on ${date}.`;
}

const INTRO =
  'A short questionnaire: warning signs first, then where and how it hurts, then a few details. ' +
  '"I don\'t know" is always fine and is never taken as "no". Education and triage, not a diagnosis.';

export function KneeCheckScreen() {
  const { overview, refresh } = useAppState();
  // No saved check yet: skip the request rather than provoke a 404.
  const latest = useApi<unknown>(overview.counts.assessments > 0 ? '/assessments/latest' : null);
  const [mode, setMode] = useState<Mode>({ kind: 'overview' });
  // Server mode, read-only: the saved check is shown, no new one can be started.
  const canWrite = useCanWrite('symptoms');
  const start = () => setMode({ kind: 'asking' });
  const finished = (result: AssessmentResult, answers: DraftAnswers) => {
    setMode({ kind: 'result', result, answers });
    // The overview counts assessments; the Today screen shows the latest one.
    if (result.id) refresh();
  };

  if (mode.kind === 'asking') {
    return (
      <Screen title="Knee check" intro={INTRO}>
        <Questionnaire onResult={finished} />
      </Screen>
    );
  }

  if (mode.kind === 'result') {
    return (
      <Screen title="Knee check">
        <p class="muted" role="status">
          {mode.result.id ? 'Your result is saved.' : 'Your result was not saved.'}
        </p>
        <AssessmentResultView result={mode.result} answers={mode.answers} focusOnShow />
        <p>
          <button type="button" class="secondary" onClick={start}>
            Start a new check
          </button>
        </p>
      </Screen>
    );
  }

  // Server mode's 404 ATHLETE_NOT_FOUND means "not shared with you", not "no check yet".
  const none =
    latest.error instanceof ApiError &&
    latest.error.code !== 'ATHLETE_NOT_FOUND' &&
    (latest.error.code === 'ASSESSMENT_NONE' || latest.error.status === 404);
  if (latest.loading) {
    return (
      <Screen title="Knee check">
        <Loading what="your last knee check" />
      </Screen>
    );
  }
  if (latest.error && !none) {
    return (
      <Screen title="Knee check">
        <ErrorMessage error={latest.error} retry={latest.reload} />
      </Screen>
    );
  }
  const saved = none ? null : toSavedAssessment(latest.data);
  if (!saved && !canWrite) {
    return (
      <Screen title="Knee check">
        <p class="card">No knee check yet.</p>
      </Screen>
    );
  }
  if (!saved) {
    // No check yet: the questionnaire is the screen.
    return (
      <Screen title="Knee check" intro={INTRO}>
        <Questionnaire onResult={finished} />
      </Screen>
    );
  }
  return (
    <Screen title="Knee check" intro={INTRO}>
      {canWrite ? (
        <div class="card row latest-actions">
          <p class="latest-note">
            {savedOn(saved.createdAt)} Has anything changed? A new check takes a few minutes.
          </p>
          <button type="button" onClick={start}>
            Start a new check
          </button>
        </div>
      ) : (
        <p class="latest-note">{savedOn(saved.createdAt)}</p>
      )}
      <AssessmentResultView result={saved.result} answers={saved.answers} />
    </Screen>
  );
}
