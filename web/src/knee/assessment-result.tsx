/**
 * An assessment, as the runner should read it: the urgency banner first (what to do and how fast), then why
 * (the rules and the answers behind them), the differential as one list (what must be ruled out first, then
 * the likely conditions with their reasons and sources), links to the plan and the clinician report, and the
 * not-a-diagnosis notice.
 */
import { Fragment } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { CONDITION_IDS } from '../../../src/domain/assessment/condition.types.ts';
import { conditionById } from '../../../src/domain/assessment/conditions.kb.ts';
import { SOURCES } from '../../../src/domain/assessment/sources.catalog.ts';
import { NotADiagnosis } from '../components/screen.tsx';
import type { AssessedCondition, Assessment, DifferentialEntry, DraftAnswers } from '../types/assessment.ts';
import { answerInWords, withoutKeySuffix } from './answer-text.ts';
import { differentialOf, likelihoodText } from './differential.ts';
import { UrgencyBanner } from './urgency-banner.tsx';
import { isUrgentTier, urgencyRank } from './urgency-tiers.ts';
import './assessment-result.css';

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

/**
 * The rules that set the tier. Only the rules at the tier given speak in their own words: a lower-tier rule's
 * "needs checking today" under an emergency would contradict the banner, so its answers are listed as facts.
 */
function WhyThisLevel(props: { result: Assessment; answers: DraftAnswers | null }) {
  const { result } = props;
  const drivers = result.urgencyDrivers ?? [];
  const leading = drivers.filter((d) => d.tier === result.urgency);
  const lowerKeys = [
    ...new Set(
      drivers.filter((d) => urgencyRank(d.tier) < urgencyRank(result.urgency)).flatMap((d) => d.keys),
    ),
  ].filter((k) => !leading.some((d) => d.keys.includes(k)));
  return (
    <section class="card" aria-labelledby="why-level">
      <h3 id="why-level">Why this level</h3>
      {leading.length > 0 ? (
        <ul class="reasons">
          {leading.map((d) => (
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
      {leading.length > 0 && lowerKeys.length > 0 && (
        <>
          <h4>Also tell the clinician</h4>
          <AnswerList keys={lowerKeys} answers={props.answers} />
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

/** The reasons an entry gives, "For:"/"Against:" with the answers behind them when the engine names them. */
function EntryReasons(props: {
  reasons: readonly string[];
  drivers: AssessedCondition['drivers'] | undefined;
  answers: DraftAnswers | null;
  /** A danger kept open by an unanswered question: its reasons are what is still missing. */
  open?: boolean;
}) {
  if (props.reasons.length === 0) return null;
  return (
    <>
      <p class="reasons-title">{props.open ? 'What would settle it:' : 'What your answers say about it:'}</p>
      <ul class="reasons">
        {props.reasons.map((r, i) => {
          const d = props.drivers?.[i];
          const against = d?.effect === 'against';
          return (
            <li key={r} class={against ? 'against' : 'for'}>
              {d && <span class="reason-direction">{against ? 'Against:' : 'For:'}</span>}{' '}
              {d ? withoutKeySuffix(r, d.keys) : r}
              {d && d.keys.length > 0 && (
                <span class="muted"> ({d.keys.map((k) => answerInWords(k, props.answers)).join('; ')})</span>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** One line of the differential: a danger to rule out, or a likely condition with its band and number. */
function DifferentialItem(props: {
  entry: DifferentialEntry;
  rank: number;
  condition: AssessedCondition | undefined;
  answers: DraftAnswers | null;
}) {
  const { entry, condition: c } = props;
  const danger = entry.kind === 'must-not-miss';
  const open = entry.openQuestion === true;
  const sources = conditionSources(entry.id);
  const percent = entry.likelihood === null ? null : Math.round(entry.likelihood * 100);
  return (
    <li
      class={`card condition${danger ? ' must-not-miss' : ''}${open ? ' open-question' : ''}`}
      data-condition={entry.id}
      data-kind={entry.kind}
      data-open={open ? 'true' : undefined}
    >
      {danger && <p class="differential-tag">{open ? 'Not ruled out yet' : 'Must be ruled out'}</p>}
      {/* The tag already says it: no band line repeating "not ruled out yet". */}
      <h4>
        <span class="condition-rank">{props.rank}.</span> {entry.name}
      </h4>
      {!open && (
        <p class="condition-likelihood">
          {percent !== null && (
            <>
              <span class="likelihood-bar" aria-hidden="true">
                <span style={{ width: `${Math.max(1, percent)}%` }} />
              </span>{' '}
            </>
          )}
          <strong>{likelihoodText(entry)}</strong>
        </p>
      )}
      {c?.description && <p>{c.description}</p>}
      <EntryReasons
        reasons={entry.reasons}
        drivers={c && c.reasons.join('\n') === entry.reasons.join('\n') ? c.drivers : undefined}
        answers={props.answers}
        open={open}
      />
      {(c?.management || c?.recovery || sources.length > 0) && (
        <details>
          <summary>{c ? 'Managing it, recovery and sources' : 'Sources'}</summary>
          {c?.management && (
            <p>
              <strong>Managing it:</strong> {c.management}
            </p>
          )}
          {c?.recovery && (
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
      )}
    </li>
  );
}

/**
 * The differential as one list in the engine's order. Under an urgent or emergency tier the likely (usually
 * benign) conditions sit under "Once the urgent cause is excluded", so nobody reads them as the answer.
 */
function Differential(props: { result: Assessment; answers: DraftAnswers | null }) {
  const entries = differentialOf(props.result);
  const byId = new Map(props.result.conditions.map((c) => [c.id as string, c]));
  const dividerAt = entries.findIndex((e) => e.kind === 'likely' && e.afterUrgentExcluded);
  const hasDanger = entries.some((e) => e.kind === 'must-not-miss' && e.openQuestion !== true);
  return (
    <section class="differential" aria-labelledby="differential-title">
      <h3 id="differential-title">
        {hasDanger ? 'What it could be, dangerous causes first' : 'What it most likely is'}
      </h3>
      <p class="muted">
        {hasDanger
          ? 'What must be ruled out comes first: an examination or a test decides, not this list. '
          : ''}
        The percentages compare the likely explanations with each other, from your answers alone. They are not
        a test result.
      </p>
      {/* Older saved checks have no such fields: read them as "not thin". */}
      {props.result.historyIsThin === true && (
        <div class="card thin-history" data-testid="thin-history">
          <p>
            <strong>We know little yet, so these likelihoods are kept wide.</strong>
            {(props.result.wouldHelp ?? []).length > 0 ? ' What would help most:' : ''}
          </p>
          {(props.result.wouldHelp ?? []).length > 0 && (
            <ul>
              {props.result.wouldHelp.map((q) => (
                <li key={q}>{q}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {entries.length === 0 ? (
        <p>Your answers do not point to one explanation yet: a clinician's examination will.</p>
      ) : (
        <ol class="conditions">
          {entries.map((entry, i) => (
            <Fragment key={entry.id}>
              {i === dividerAt && (
                <li key="divider" class="differential-divider">
                  <h4>Once the urgent cause is excluded</h4>
                  <p class="muted">Only after a clinician has ruled out the causes above do these apply.</p>
                </li>
              )}
              <DifferentialItem
                entry={entry}
                rank={i + 1}
                condition={entry.kind === 'likely' ? byId.get(entry.id) : undefined}
                answers={props.answers}
              />
            </Fragment>
          ))}
        </ol>
      )}
    </section>
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
  // Focus and scroll go to the banner, so the tier is the first thing seen and heard.
  useEffect(() => {
    if (!props.focusOnShow) return;
    heading.current?.focus({ preventScroll: true });
    heading.current?.closest('.urgency-banner')?.scrollIntoView({ block: 'start' });
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
        sticky={isUrgentTier(result.urgency)}
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
      <Differential result={result} answers={props.answers} />
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
