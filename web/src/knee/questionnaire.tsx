/**
 * The adaptive questionnaire in the browser. The server picks each next question (POST /assessment/next,
 * the same `nextQuestion` the CLI uses); this component keeps the answers, the "don't know" keys and the
 * history for Back. After every answer it previews the urgency (POST /assessments with save: false) so a red
 * flag is said plainly at once, not after twenty more questions.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { ErrorMessage, Loading } from '../components/status-messages.tsx';
import { useAppState } from '../settings-context.tsx';
import type {
  AnswerKey,
  AnswerValue,
  AssessmentResult,
  DraftAnswers,
  NextQuestionResponse,
  Question,
} from '../types/assessment.ts';
import { EarlyWarning } from './early-warning.tsx';
import { progressLabel } from './progress-estimate.ts';
import { QuestionForm } from './question-form.tsx';
import { isUrgentTier } from './urgency-tiers.ts';

/** One answered question; value null = "I don't know". */
interface Step {
  question: Question;
  value: AnswerValue | null;
}

function collect(steps: readonly Step[]): { answers: DraftAnswers; skipped: AnswerKey[] } {
  const answers: DraftAnswers = {};
  const skipped: AnswerKey[] = [];
  for (const s of steps) {
    if (s.value === null) skipped.push(s.question.key);
    else answers[s.question.key] = s.value;
  }
  return { answers, skipped };
}

/** Suggestions from the runner's settings; the runner still confirms them. */
function useSuggestions(): DraftAnswers {
  const { overview } = useAppState();
  const { birthYear, sex } = overview.settings;
  const year = Number(overview.today.slice(0, 4));
  const out: DraftAnswers = {};
  if (birthYear !== null && Number.isFinite(year)) {
    const age = year - birthYear;
    if (age >= 5 && age <= 100) out.age = age;
  }
  if (sex !== null) out.sex = sex;
  return out;
}

export function Questionnaire(props: {
  onResult: (result: AssessmentResult, answers: DraftAnswers) => void;
}) {
  const { overview } = useAppState();
  const suggestions = useSuggestions();
  const [steps, setSteps] = useState<Step[]>([]);
  /**
   * The question on screen and how many answers came before it. undefined = loading the first question;
   * question null = no more questions. While the next question loads, the answered one stays (busy), so a
   * form never shows one question under another's step.
   */
  const [view, setView] = useState<{ question: Question | null; step: number } | undefined>(undefined);
  const current = view?.question;
  const [initial, setInitial] = useState<AnswerValue | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [warning, setWarning] = useState<AssessmentResult | null>(null);
  const previewSeq = useRef(0);
  const doneHeading = useRef<HTMLHeadingElement>(null);

  const fetchNext = useCallback(async (history: readonly Step[]) => {
    setBusy(true);
    setError(null);
    try {
      const next = await api<NextQuestionResponse>('/assessment/next', { body: collect(history) });
      setInitial(undefined);
      setView({ question: next.question, step: history.length });
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(false);
    }
  }, []);

  const preview = useCallback(async (history: readonly Step[]) => {
    const { answers } = collect(history);
    const seq = ++previewSeq.current;
    if (answers.age === undefined) return setWarning(null);
    try {
      const result = await api<AssessmentResult>('/assessments', { body: { answers, save: false } });
      if (seq === previewSeq.current) setWarning(isUrgentTier(result.urgency) ? result : null);
    } catch {
      // The preview is a courtesy; the final submit reports any error.
    }
  }, []);

  useEffect(() => {
    void fetchNext([]);
  }, [fetchNext]);

  useEffect(() => {
    if (current === null) doneHeading.current?.focus();
  }, [current]);

  const record = (value: AnswerValue | null) => {
    if (!current || !view) return;
    // From the step on screen: after a failed load the answered step may still be in `steps`.
    const history = [...steps.slice(0, view.step), { question: current, value }];
    setSteps(history);
    void fetchNext(history);
    void preview(history);
  };

  const back = () => {
    const last = steps[steps.length - 1];
    if (!last) return;
    const history = steps.slice(0, -1);
    setSteps(history);
    setError(null);
    setView({ question: last.question, step: history.length });
    setInitial(last.value ?? undefined);
    void preview(history);
  };

  const submit = async () => {
    setBusy(true);
    setError(null);
    const { answers } = collect(steps);
    try {
      const result = await api<AssessmentResult>('/assessments', { body: { answers } });
      props.onResult(result, answers);
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
      setBusy(false);
    }
  };

  const { answers, skipped } = collect(steps);
  const shown = collect(steps.slice(0, view?.step ?? 0));
  const progress = progressLabel(shown.answers, shown.skipped, current ?? null);

  return (
    <div class="questionnaire">
      {warning && (
        <EarlyWarning result={warning} answers={answers} busy={busy} onSeeResult={() => void submit()} />
      )}
      {error && (
        <ErrorMessage
          error={error}
          retry={current === null ? () => void submit() : () => void fetchNext(steps)}
        />
      )}
      {current === undefined && !error && <Loading what="the first question" />}
      {current && (
        <QuestionForm
          key={`${view?.step}-${current.key}`}
          question={current}
          initial={initial ?? suggestions[current.key]}
          units={overview.settings.units}
          progressLabel={progress}
          step={view?.step ?? 0}
          busy={busy}
          canGoBack={steps.length > 0}
          onAnswer={(v) => record(v)}
          onDontKnow={() => record(null)}
          onBack={back}
        />
      )}
      {current === null && (
        <div class="card question-done">
          <h2 tabIndex={-1} ref={doneHeading}>
            That's all we need to ask
          </h2>
          <p>
            You answered {steps.length - skipped.length} questions
            {skipped.length > 0 ? ` and left ${skipped.length} as "I don't know"` : ''}. Your result will be
            saved so the plan and the clinician report can use it.
          </p>
          <div class="row">
            <button type="button" disabled={busy} onClick={() => void submit()}>
              See my result
            </button>
            <button type="button" class="secondary" disabled={busy} onClick={back}>
              Back
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
