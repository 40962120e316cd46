/**
 * One question of the knee check, with the input its kind demands: yes/no and single choices as radio
 * groups, where it hurts as the knee map (with checkboxes), numbers as a number field with their unit.
 * "I don't know" is offered for everything but age (the one required answer): a missing answer is never
 * taken as "no" by the engine.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ANSWER_KEYS, type KeySpec } from '../../../src/domain/assessment/answer-keys.ts';
import { METRES_PER_KM, METRES_PER_MILE } from '../../../src/domain/units.ts';
import type { AnswerValue, PainLocation, Question } from '../types/assessment.ts';
import './choice-list.css';
import { KneeMap } from './knee-map.tsx';

export interface QuestionFormProps {
  question: Question;
  /** The answer given before (after Back), or a suggestion from the runner's settings. */
  initial: AnswerValue | undefined;
  units: 'km' | 'mi';
  /** "Question 3 of about 20" */
  progressLabel: string;
  /** How many questions were answered before this one (tests and styles can tell forms apart). */
  step: number;
  busy: boolean;
  /** Take focus when shown (false when an alarm raised by the same answer takes it instead). */
  focusOnShow?: boolean;
  canGoBack: boolean;
  onAnswer: (value: AnswerValue) => void;
  onDontKnow: () => void;
  onBack: () => void;
}

const NUMBER_UNITS: Partial<Record<Question['key'], string>> = {
  age: 'years',
  durationDays: 'days',
  morningStiffnessMin: 'minutes',
  swellingOnsetHours: 'hours',
  temperatureC: '°C',
  painStartsAfterKm: 'km',
  weeklyDistanceChangePct: '%',
  longRunIncreasePct: '%',
};

/** Distance answers are stored in km; a runner who thinks in miles types miles. */
const KM_PER_MILE = METRES_PER_MILE / METRES_PER_KM;

function inMiles(q: Question, units: 'km' | 'mi'): boolean {
  return q.key === 'painStartsAfterKm' && units === 'mi';
}

function questionText(q: Question, units: 'km' | 'mi'): string {
  return inMiles(q, units) ? q.text.replace('Enter the km', 'Enter the miles') : q.text;
}

function draftFrom(q: Question, initial: AnswerValue | undefined, units: 'km' | 'mi'): string | string[] {
  if (q.kind === 'multi') return initial === undefined ? [] : ([] as string[]).concat(initial as string);
  if (initial === undefined) return '';
  if (q.kind === 'boolean') return initial === true ? 'yes' : 'no';
  if (typeof initial === 'number' && inMiles(q, units))
    return String(Math.round((initial / KM_PER_MILE) * 10) / 10);
  return String(initial);
}

/** The draft as an answer, or the reason it is not one yet. */
function answerFrom(
  q: Question,
  draft: string | string[],
  units: 'km' | 'mi',
): AnswerValue | { error: string } {
  switch (q.kind) {
    case 'boolean':
      return draft === 'yes'
        ? true
        : draft === 'no'
          ? false
          : { error: 'Choose Yes or No, or "I don\'t know".' };
    case 'choice':
      return typeof draft === 'string' && draft !== ''
        ? draft
        : { error: 'Choose one answer, or "I don\'t know".' };
    case 'multi':
      return Array.isArray(draft) && draft.length > 0
        ? draft
        : { error: 'Choose at least one area, or "I don\'t know".' };
    case 'number': {
      const text = typeof draft === 'string' ? draft.trim().replace(',', '.') : '';
      const n = Number(text);
      const spec: KeySpec = ANSWER_KEYS[q.key];
      const integer = spec.kind === 'number' && spec.integer === true;
      const range =
        q.min !== undefined && q.max !== undefined
          ? ` from ${q.min} to ${q.max}`
          : q.min !== undefined
            ? ` of ${q.min} or more`
            : '';
      if (text === '' || !Number.isFinite(n))
        return { error: `Enter ${integer ? 'a whole number' : 'a number'}${range}.` };
      if (
        (q.min !== undefined && n < q.min) ||
        (q.max !== undefined && n > q.max) ||
        (integer && !Number.isInteger(n))
      )
        return { error: `Enter ${integer ? 'a whole number' : 'a number'}${range}.` };
      return inMiles(q, units) ? Math.round(n * KM_PER_MILE * 100) / 100 : n;
    }
  }
}

export function QuestionForm(props: QuestionFormProps) {
  const q = props.question;
  const [draft, setDraft] = useState<string | string[]>(() => draftFrom(q, props.initial, props.units));
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // A new question replaces the old form: move focus to it so keyboard and screen-reader users follow.
  useEffect(() => {
    if (props.focusOnShow !== false) heading.current?.focus();
  }, []);

  const id = `q-${q.key}`;
  const errorId = `${id}-error`;
  const allowDontKnow = q.key !== 'age';
  const text = questionText(q, props.units);

  const submit = (event: Event) => {
    event.preventDefault();
    const answer = answerFrom(q, draft, props.units);
    if (typeof answer === 'object' && answer !== null && !Array.isArray(answer)) {
      setError(answer.error);
      return;
    }
    setError(null);
    props.onAnswer(answer);
  };

  const radios = (options: { value: string; label: string }[]) => (
    <fieldset class="question-choices" aria-describedby={error ? errorId : undefined}>
      <legend class="visually-hidden">{text}</legend>
      {options.map((o) => (
        <div class="knee-choice-row" key={o.value}>
          <input
            type="radio"
            id={`${id}-${o.value}`}
            name={id}
            value={o.value}
            checked={draft === o.value}
            onChange={() => setDraft(o.value)}
          />
          <label for={`${id}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );

  let input = null;
  if (q.kind === 'boolean')
    input = radios([
      { value: 'yes', label: 'Yes' },
      { value: 'no', label: 'No' },
    ]);
  else if (q.kind === 'choice') input = radios(q.options ?? []);
  else if (q.kind === 'multi')
    input = (
      <KneeMap
        idPrefix={id}
        selected={(Array.isArray(draft) ? draft : []) as PainLocation[]}
        onChange={(next) => setDraft(next)}
      />
    );
  else {
    const unit = inMiles(q, props.units) ? 'miles' : NUMBER_UNITS[q.key];
    input = (
      <div class="row question-number">
        <label for={id} class="visually-hidden">
          {text}
        </label>
        <input
          id={id}
          type="number"
          inputMode="decimal"
          step="any"
          min={q.min}
          max={q.max}
          value={typeof draft === 'string' ? draft : ''}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onInput={(e) => setDraft(e.currentTarget.value)}
        />
        {unit && <span aria-hidden="true">{unit}</span>}
      </div>
    );
  }

  return (
    <form class="card question" data-question-key={q.key} data-step={props.step} onSubmit={submit} noValidate>
      <p class="question-progress">{props.progressLabel}</p>
      <h2 class="question-text" tabIndex={-1} ref={heading} id={`${id}-text`}>
        {text}
      </h2>
      {q.help && <p class="field-hint">{q.help}</p>}
      {input}
      {error && (
        <p class="field-error" id={errorId} role="alert">
          {error}
        </p>
      )}
      <div class="row question-actions">
        <button type="submit" disabled={props.busy}>
          Next
        </button>
        {allowDontKnow && (
          <button type="button" class="secondary" disabled={props.busy} onClick={props.onDontKnow}>
            I don't know
          </button>
        )}
        {props.canGoBack && (
          <button type="button" class="secondary" disabled={props.busy} onClick={props.onBack}>
            Back
          </button>
        )}
      </div>
    </form>
  );
}
