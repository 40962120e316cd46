/**
 * One chart of the Training screen: a heading, how strong the evidence behind it is (in plain words, with its
 * source), then the chart or a sentence saying why there is nothing to draw.
 */
import type { ComponentChildren } from 'preact';
import { EvidenceLabel } from './screen.tsx';

export interface ChartEvidence {
  level: string;
  text: ComponentChildren;
  source: string;
}

export function TrainingChartCard(props: {
  id: string;
  title: string;
  evidence: ChartEvidence;
  /** Shown instead of the chart when there is nothing to draw in the range. */
  empty?: string | null;
  children: ComponentChildren;
}) {
  const headingId = `${props.id}-title`;
  return (
    <section class="card training-chart" id={props.id} aria-labelledby={headingId}>
      <h2 id={headingId}>{props.title}</h2>
      <EvidenceLabel level={props.evidence.level} source={props.evidence.source}>
        {props.evidence.text}
      </EvidenceLabel>
      {props.empty ? <p class="chart-empty">{props.empty}</p> : props.children}
    </section>
  );
}
