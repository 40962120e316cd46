/**
 * One factor of `why`: its name, its strength for this runner as a badge with words, what the runner's own
 * numbers show, the advice, and the evidence behind it with its source.
 */

import { FACTOR_EVIDENCE } from '../../../src/domain/causes/factor-catalog.ts';
import { readableSource } from '../../../src/domain/citation.ts';
import { inRunnerUnits } from '../../../src/domain/units.ts';
import { useUnits } from '../settings-context.tsx';
import type { WhyFactor } from '../types/why.ts';
import { EvidenceLabel } from './screen.tsx';
import { FACTOR_EVIDENCE_LEVEL, STRENGTH_TEXT } from './why-evidence.ts';
import { WhyNumbers } from './why-numbers.tsx';

export function StrengthBadge(props: { strength: WhyFactor['strength'] }) {
  return (
    <span class={`strength-badge strength-${props.strength}`}>
      <span class="visually-hidden">Strength: </span>
      {STRENGTH_TEXT[props.strength]}
    </span>
  );
}

export function WhyFactorCard(props: { factor: WhyFactor; rank: number }) {
  const { factor } = props;
  const units = useUnits();
  const headingId = `factor-${factor.id}`;
  return (
    <article
      class={`card why-factor why-factor-${factor.strength}`}
      aria-labelledby={headingId}
      data-factor={factor.id}
    >
      <div class="why-factor-head">
        <h3 id={headingId}>
          <span class="why-rank">{props.rank}.</span> {FACTOR_EVIDENCE[factor.id].label}
        </h3>
        <StrengthBadge strength={factor.strength} />
      </div>
      <p class="why-summary">{factor.summary}</p>
      <WhyNumbers numbers={factor.numbers} />
      <p class="why-advice">
        <strong>What to do:</strong> {factor.advice}
      </p>
      <EvidenceLabel level={FACTOR_EVIDENCE_LEVEL[factor.id]} source={readableSource(factor.source)}>
        {inRunnerUnits(factor.evidence, units.units)}
      </EvidenceLabel>
    </article>
  );
}

/** A factor not found in the runner's data: one line, in the collapsed list at the bottom. */
export function WhyAbsentFactor(props: { factor: WhyFactor }) {
  return (
    <li data-factor={props.factor.id}>
      <strong>{FACTOR_EVIDENCE[props.factor.id].label}:</strong> {props.factor.summary}{' '}
      <span class="muted">({FACTOR_EVIDENCE_LEVEL[props.factor.id].toLowerCase()})</span>
    </li>
  );
}
