/**
 * Every screen's frame: one h1 that takes focus when the screen opens (so a screen-reader user hears where
 * they are after navigating), then the content.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * The first screen after the page loads keeps the browser's own focus (document start), so the first Tab
 * reaches "Skip to content"; every later screen moves focus to its heading.
 */
let pageJustLoaded = true;

export function Screen(props: { title: string; intro?: ComponentChildren; children: ComponentChildren }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${props.title} · kneewise`;
    if (pageJustLoaded) pageJustLoaded = false;
    else heading.current?.focus();
  }, [props.title]);
  return (
    <section class="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1} ref={heading}>
        {props.title}
      </h1>
      {props.intro && <p class="intro">{props.intro}</p>}
      {props.children}
    </section>
  );
}

/** "Education, not a diagnosis" — shown on every results screen. */
export function NotADiagnosis() {
  return (
    <p class="not-diagnosis">
      This is education and triage, not a diagnosis. If pain is severe, getting worse, or you are unsure, see
      a physiotherapist or doctor.
    </p>
  );
}

/** The strength of the evidence behind a number or chart, said plainly, with its source. */
export function EvidenceLabel(props: { level: string; children: ComponentChildren; source?: string }) {
  return (
    <p class="evidence">
      <span class={`evidence-level evidence-${props.level.toLowerCase().replace(/[^a-z]+/g, '-')}`}>
        {props.level}
      </span>{' '}
      {props.children}
      {props.source && <span class="source"> Source: {props.source}</span>}
    </p>
  );
}
