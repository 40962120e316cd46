/**
 * The adaptive questionnaire in the browser. The server picks each next question (POST /assessment/next,
 * the same `nextQuestion` the CLI uses); this component keeps the answers, the "don't know" keys and the
 * history for Back. After every answer it previews the urgency (POST /assessments with save: false) so a red
 * flag is said plainly at once, not after twenty more questions: when the tier first reaches urgent or
 * emergency (or rises), focus and scroll go to the banner, which then stays at the top of the window.
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
import { EarlyWarningBanner, EarlyWarningDetails } from './early-warning.tsx';
import { progressLabel } from './progress-estimate.ts';
import { QuestionForm } from './question-form.tsx';
import { isUrgentTier, urgencyRank } from './urgency-tiers.ts';

/** One answered question; value null = "I don't know". */
interface Step {
  question: Question;
  value: AnswerValue | null;
  /** The server's answer that put the question on screen (its progress estimate, for Back). */
  shownWith: NextQuestionResponse;
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
  const [view, setView] = useState<
    { question: Question | null; step: number; next: NextQuestionResponse } | undefined
  >(undefined);
  const current = view?.question;
  const [initial, setInitial] = useState<AnswerValue | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [warning, setWarning] = useState<AssessmentResult | null>(null);
  /** Counts the times the alarm was raised; each raise moves focus and scroll to the banner. */
  const [raised, setRaised] = useState(0);
  /** Whether the question on screen takes focus: not when the alarm was raised by the same answer. */
  const [questionFocus, setQuestionFocus] = useState(true);
  const seq = useRef(0);
  const doneHeading = useRef<HTMLHeadingElement>(null);
  const alarmHeading = useRef<HTMLHeadingElement>(null);
  const alarmBanner = useRef<HTMLElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const warningNow = useRef<AssessmentResult | null>(null);

  /** Shows the preview's alarm (or none); true when it is new or higher than the one on screen. */
  const applyWarning = useCallback((alarm: AssessmentResult | null): boolean => {
    const before = warningNow.current;
    warningNow.current = alarm;
    setWarning(alarm);
    const rose =
      alarm !== null && (before === null || urgencyRank(alarm.urgency) > urgencyRank(before.urgency));
    if (rose) setRaised((n) => n + 1);
    return rose;
  }, []);

  const fetchNext = useCallback(async (history: readonly Step[]) => {
    setBusy(true);
    setError(null);
    try {
      const next = await api<NextQuestionResponse>('/assessment/next', { body: collect(history) });
      setInitial(undefined);
      setQuestionFocus(true);
      setView({ question: next.question, step: history.length, next });
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(false);
    }
  }, []);

  /** The urgency so far if it is urgent or emergency, null if not, undefined when the preview failed. */
  const previewOf = useCallback(async (history: readonly Step[]) => {
    const { answers } = collect(history);
    if (answers.age === undefined) return null;
    try {
      const result = await api<AssessmentResult>('/assessments', { body: { answers, save: false } });
      return isUrgentTier(result.urgency) ? result : null;
    } catch {
      // The preview is a courtesy; the final submit reports any error.
      return undefined;
    }
  }, []);

  /**
   * After an answer: the next question and the preview together, so that when the answer raises the alarm
   * the banner, not the next question, takes focus (whichever request happens to finish first).
   */
  const advance = useCallback(
    async (history: readonly Step[]) => {
      const mine = ++seq.current;
      setBusy(true);
      setError(null);
      const [next, alarm] = await Promise.all([
        api<NextQuestionResponse>('/assessment/next', { body: collect(history) }).then(
          (r) => r,
          (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
        ),
        previewOf(history),
      ]);
      if (mine !== seq.current) return;
      const rose = alarm !== undefined && applyWarning(alarm);
      if (next instanceof Error) setError(next);
      else {
        setInitial(undefined);
        setQuestionFocus(!rose);
        setView({ question: next.question, step: history.length, next });
      }
      setBusy(false);
    },
    [previewOf, applyWarning],
  );

  const preview = useCallback(
    async (history: readonly Step[]) => {
      const mine = ++seq.current;
      const alarm = await previewOf(history);
      if (mine === seq.current && alarm !== undefined) applyWarning(alarm);
    },
    [previewOf, applyWarning],
  );

  useEffect(() => {
    void fetchNext([]);
  }, [fetchNext]);

  useEffect(() => {
    if (current === null && questionFocus) doneHeading.current?.focus();
  }, [current, questionFocus]);

  // The alarm was raised: focus its heading and bring the banner to the top of the window.
  useEffect(() => {
    if (raised === 0) return;
    alarmHeading.current?.focus({ preventScroll: true });
    alarmBanner.current?.scrollIntoView({ block: 'start' });
  }, [raised]);

  // The banner stays on top while answering: keep the question on screen from sliding under it.
  useEffect(() => {
    const banner = alarmBanner.current;
    const question = root.current?.querySelector('form.question, .question-done');
    if (!warning || !banner || !question || raised === 0) return;
    const covered = banner.getBoundingClientRect().bottom - question.getBoundingClientRect().top;
    if (covered > 0) window.scrollBy({ top: -(covered + 12) });
  }, [view, warning, raised]);

  const record = (value: AnswerValue | null) => {
    if (!current || !view) return;
    // From the step on screen: after a failed load the answered step may still be in `steps`.
    const history = [...steps.slice(0, view.step), { question: current, value, shownWith: view.next }];
    setSteps(history);
    void advance(history);
  };

  const back = () => {
    const last = steps[steps.length - 1];
    if (!last) return;
    const history = steps.slice(0, -1);
    setSteps(history);
    setError(null);
    setQuestionFocus(true);
    setView({ question: last.question, step: history.length, next: last.shownWith });
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
  const progress = progressLabel(view?.step ?? 0, view?.next ?? null);

  return (
    <div class="questionnaire" ref={root}>
      {warning && (
        <EarlyWarningBanner
          result={warning}
          busy={busy}
          onSeeResult={() => void submit()}
          headingRef={alarmHeading}
          bannerRef={alarmBanner}
        />
      )}
      {warning && <EarlyWarningDetails result={warning} answers={answers} />}
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
          focusOnShow={questionFocus}
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
