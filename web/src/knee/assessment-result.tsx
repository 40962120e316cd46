/**
 * An assessment, as the runner should read it: the urgency banner first (what to do and how fast), then why
 * (the rules and the answers behind them), the ranked likely conditions with their reasons and sources, the
 * advice, links to the plan and the clinician report, and the not-a-diagnosis notice.
 */
import { useEffect, useRef } from 'preact/hooks';
import { MUST_NOT_MISS_NAMES } from '../../../src/domain/assessment/advice.text.ts';
import { CONDITION_IDS } from '../../../src/domain/assessment/condition.types.ts';
import { conditionById } from '../../../src/domain/assessment/conditions.kb.ts';
import { SOURCES } from '../../../src/domain/assessment/sources.catalog.ts';
import { NotADiagnosis } from '../components/screen.tsx';
import type { AssessedCondition, Assessment, DraftAnswers } from '../types/assessment.ts';
import { answerInWords, withoutKeySuffix } from './answer-text.ts';
import { UrgencyBanner } from './urgency-banner.tsx';
import './assessment-result.css';

function likelihoodWords(p: number): string {
  if (p >= 0.6) return 'most likely';
  if (p >= 0.25) return 'possible';
  if (p >= 0.08) return 'less likely';
  return 'unlikely, but worth knowing';
}

function conditionSources(id: string): string[] {
  if (!(CONDITION_IDS as readonly string[]).includes(id)) return [];
  return conditionById(id as AssessedCondition['id']).sources.map((s) => SOURCES[s]);
}

function AnswerList(props: { keys: readonly string[]; answers: DraftAnswers | null }) {
  if (props.keys.length === 0) return null;
  return (
    <ul class="answer-list">
      {props.keys.map((k) => (
        <li key={k}>{answerInWords(k, props.answers)}</li>
      ))}
    </ul>
  );
}

function WhyThisLevel(props: { result: Assessment; answers: DraftAnswers | null }) {
  const { result } = props;
  const drivers = result.urgencyDrivers ?? [];
  return (
    <section class="card" aria-labelledby="why-level">
      <h3 id="why-level">Why this level</h3>
      {drivers.length > 0 ? (
        <ul class="reasons">
          {drivers.map((d) => (
            <li key={`${d.rule}-${d.reason}`}>
              {withoutKeySuffix(d.reason, d.keys)}
              {d.keys.length > 0 && <span class="muted"> Your answers:</span>}
              <AnswerList keys={d.keys} answers={props.answers} />
            </li>
          ))}
        </ul>
      ) : (
        <ul class="reasons">
          {result.urgencyReasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      {result.mustNotMiss.length > 0 && (
        <>
          <h4>What a clinician will want to rule out</h4>
          <ul>
            {result.mustNotMiss.map((m) => (
              <li key={m.id}>{MUST_NOT_MISS_NAMES[m.id] ?? m.id}</li>
            ))}
          </ul>
        </>
      )}
      {(result.notRuledOut ?? []).length > 0 && (
        <>
          <h4>Not ruled out, because a warning-sign question was left open</h4>
          <ul>
            {result.notRuledOut.map((n) => (
              <li key={n.concern}>{withoutKeySuffix(n.reason, n.keys)}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ConditionCard(props: { condition: AssessedCondition; rank: number; answers: DraftAnswers | null }) {
  const c = props.condition;
  const percent = Math.round(c.likelihood * 100);
  const sources = conditionSources(c.id);
  return (
    <li class="card condition" data-condition={c.id}>
      <h4>
        <span class="condition-rank">{props.rank}.</span> {c.name}
      </h4>
      <p class="condition-likelihood">
        <span class="likelihood-bar" aria-hidden="true">
          <span style={{ width: `${Math.max(1, percent)}%` }} />
        </span>{' '}
        <strong>{percent < 1 ? 'under 1' : percent} %</strong> — {likelihoodWords(c.likelihood)}
      </p>
      {c.description && <p>{c.description}</p>}
      {c.reasons.length > 0 && (
        <>
          <p class="reasons-title">What your answers say about it:</p>
          <ul class="reasons">
            {c.reasons.map((r, i) => {
              const d = c.drivers?.[i];
              const against = d?.effect === 'against';
              return (
                <li key={r} class={against ? 'against' : 'for'}>
                  <span class="reason-direction">{against ? 'Against:' : 'For:'}</span>{' '}
                  {d ? withoutKeySuffix(r, d.keys) : r}
                  {d && (
                    <span class="muted">
                      {' '}
                      ({d.keys.map((k) => answerInWords(k, props.answers)).join('; ')})
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      <details>
        <summary>Managing it, recovery and sources</summary>
        {c.management && (
          <p>
            <strong>Managing it:</strong> {c.management}
          </p>
        )}
        {c.recovery && (
          <p>
            <strong>Recovery:</strong> {c.recovery}
          </p>
        )}
        {sources.length > 0 && (
          <ul class="sources">
            {sources.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        )}
      </details>
    </li>
  );
}

export function AssessmentResultView(props: {
  result: Assessment;
  answers: DraftAnswers | null;
  /** "Saved 20 Jun 2025" or similar, when showing a stored assessment. */
  savedNote?: string;
  /** Move focus to the banner when the result appears (after submitting). */
  focusOnShow?: boolean;
}) {
  const { result } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (props.focusOnShow) heading.current?.focus();
  }, [props.focusOnShow]);
  const selfCare = result.urgency === 'self-care';
  return (
    <section class="assessment-result" aria-labelledby="result-headline">
      {props.savedNote && <p class="muted">{props.savedNote}</p>}
      <UrgencyBanner
        urgency={result.urgency}
        headline={result.headline}
        headingRef={heading}
        headingId="result-headline"
      />
      <section class="card" aria-labelledby="what-to-do">
        <h3 id="what-to-do">What to do</h3>
        <ol>
          {result.nextSteps.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ol>
        {selfCare && (result.getHelpWhen ?? []).length > 0 && (
          <>
            <h4>Get help if</h4>
            <ul>
              {result.getHelpWhen.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          </>
        )}
      </section>
      <WhyThisLevel result={result} answers={props.answers} />
      <h3>What it most likely is</h3>
      <p class="muted">
        Likelihoods compare the explanations below with each other, from your answers alone. They are not a
        test result.
      </p>
      <ol class="conditions">
        {result.conditions.map((c, i) => (
          <ConditionCard key={c.id} condition={c} rank={i + 1} answers={props.answers} />
        ))}
      </ol>
      {result.trainingEvidence?.used && (
        <section class="card" aria-labelledby="training-evidence">
          <h3 id="training-evidence">What your training shows</h3>
          <ul>
            {[...result.trainingEvidence.summary, ...result.trainingEvidence.effects.map((e) => e.text)].map(
              (t) => (
                <li key={t}>{t}</li>
              ),
            )}
          </ul>
        </section>
      )}
      <nav class="card row result-links" aria-label="Next">
        <a class="button" href="#/plans">
          {selfCare ? 'See the programme for it' : 'See the programme (once you have been checked)'}
        </a>
        <a class="button secondary" href="#/report">
          Clinician report
        </a>
      </nav>
      <details class="card">
        <summary>Sources ({result.sources.length})</summary>
        <ul class="sources">
          {result.sources.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      </details>
      {/* The engine's own notice also says what to do in an emergency; the shared one is the fallback. */}
      {result.disclaimer ? <p class="not-diagnosis">{result.disclaimer}</p> : <NotADiagnosis />}
    </section>
  );
}
