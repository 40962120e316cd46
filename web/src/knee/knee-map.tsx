/**
 * The clickable knee map: the knee from the front and from behind, each region a checkbox you can click or
 * reach with Tab and toggle with Space/Enter, plus the same choices as plain checkboxes (the list is what a
 * screen-reader user or anyone unsure about the drawing will use). Multi-select; ids are the answer
 * vocabulary's `painLocation` values.
 */
import type { PainLocation } from '../types/assessment.ts';
import {
  ALL_REGIONS,
  type KneeView,
  LANDMARKS,
  LEG_OUTLINE,
  REGION_SHAPES,
  REGION_SHORT,
  type RegionShape,
  regionLabel,
  VIEW_BOX,
} from './knee-regions.ts';
import './choice-list.css';
import './knee-map.css';

export interface KneeMapProps {
  selected: readonly PainLocation[];
  onChange: (next: PainLocation[]) => void;
  /** Makes the ids of this map's checkboxes unique on the page. */
  idPrefix: string;
  /** Smaller drawing for the journal's quick check-in. */
  compact?: boolean;
}

const VIEW_NAMES: Record<KneeView, { label: string; caption: string }> = {
  front: { label: 'Knee from the front', caption: 'Front (right knee, looking down at it)' },
  back: { label: 'Knee from behind', caption: 'Back (right knee, seen from behind)' },
};

function toggled(selected: readonly PainLocation[], region: PainLocation): PainLocation[] {
  // Keep the vocabulary's order so the stored answer does not depend on click order.
  const next = new Set(selected);
  if (next.has(region)) next.delete(region);
  else next.add(region);
  return ALL_REGIONS.filter((r) => next.has(r));
}

function RegionDrawing(props: { shape: RegionShape; checked: boolean; name: string }) {
  const { shape, checked } = props;
  return (
    <>
      <title>{props.name}</title>
      <path class="knee-region-shape" d={shape.d} />
      {checked && (
        <text class="knee-region-tick" x={shape.tickAt.x} y={shape.tickAt.y}>
          ✓
        </text>
      )}
      <text
        class="knee-region-label"
        x={shape.labelAt.x}
        y={shape.labelAt.y}
        text-anchor={shape.labelAt.anchor}
      >
        {REGION_SHORT[shape.region]}
      </text>
    </>
  );
}

function Region(props: { shape: RegionShape; checked: boolean; onToggle: () => void }) {
  const { shape, checked } = props;
  const name = regionLabel(shape.region);
  const cls = `knee-region${checked ? ' is-checked' : ''}`;
  if (!shape.primary) {
    // The mirrored copy of a region (the sides seen from behind) answers the mouse only, so keyboard and
    // screen-reader users meet each choice once.
    return (
      // biome-ignore lint/a11y/noAriaHiddenOnFocusable: not focusable (no tabindex); hidden because it repeats a checkbox
      <g class={cls} data-region={shape.region} onClick={props.onToggle} aria-hidden="true">
        <RegionDrawing shape={shape} checked={checked} name={name} />
      </g>
    );
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      props.onToggle();
    }
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be an <input>; the plain checkboxes below are the native equivalent
    <g
      class={cls}
      data-region={shape.region}
      role="checkbox"
      aria-checked={checked}
      aria-label={name}
      // Lower-case: on SVG elements Preact sets attributes, and only `tabindex` makes the shape focusable.
      tabindex={0}
      onClick={props.onToggle}
      onKeyDown={onKeyDown}
    >
      <RegionDrawing shape={shape} checked={checked} name={name} />
    </g>
  );
}

function ViewFigure(props: {
  view: KneeView;
  selected: readonly PainLocation[];
  onToggle: (r: PainLocation) => void;
}) {
  const names = VIEW_NAMES[props.view];
  return (
    <figure class={`knee-view knee-view-${props.view}`}>
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG drawing cannot be a fieldset; the group names the view */}
      <svg viewBox={VIEW_BOX} role="group" aria-label={names.label} focusable="false">
        <path class="knee-leg" d={LEG_OUTLINE[props.view]} />
        {LANDMARKS[props.view].map((d) => (
          <path key={d} class="knee-landmark" d={d} />
        ))}
        {REGION_SHAPES[props.view].map((shape) => (
          <Region
            key={`${shape.region}-${shape.primary}`}
            shape={shape}
            checked={props.selected.includes(shape.region)}
            onToggle={() => props.onToggle(shape.region)}
          />
        ))}
      </svg>
      <figcaption>{names.caption}</figcaption>
    </figure>
  );
}

export function KneeMap(props: KneeMapProps) {
  const toggle = (region: PainLocation) => props.onChange(toggled(props.selected, region));
  const diffuse = props.selected.includes('diffuse');
  return (
    <div class={`knee-map${props.compact ? ' knee-map-compact' : ''}`}>
      <div class="knee-views">
        <ViewFigure view="front" selected={props.selected} onToggle={toggle} />
        <ViewFigure view="back" selected={props.selected} onToggle={toggle} />
      </div>
      <p class="knee-map-extra">
        <button
          type="button"
          class={`secondary knee-diffuse${diffuse ? ' is-checked' : ''}`}
          aria-pressed={diffuse}
          data-region="diffuse"
          onClick={() => toggle('diffuse')}
        >
          {diffuse ? '✓ ' : ''}
          {regionLabel('diffuse')}
        </button>
      </p>
      <fieldset class="knee-region-list">
        <legend>The same choices as a list</legend>
        {ALL_REGIONS.map((region) => {
          const id = `${props.idPrefix}-region-${region}`;
          return (
            <div class="knee-choice-row" key={region}>
              <input
                id={id}
                type="checkbox"
                name={`${props.idPrefix}-regions`}
                value={region}
                checked={props.selected.includes(region)}
                onChange={() => toggle(region)}
              />
              <label for={id}>{regionLabel(region)}</label>
            </div>
          );
        })}
      </fieldset>
      <p class="visually-hidden" aria-live="polite">
        {props.selected.length === 0
          ? 'No area chosen.'
          : `Chosen: ${props.selected.map((r) => REGION_SHORT[r]).join(', ')}.`}
      </p>
    </div>
  );
}
