/**
 * A chart's key in HTML: each entry shows its colour AND its shape (or line pattern), so nothing depends on
 * telling colours apart. The drawn swatches are decorative; the text says what they mean.
 */
export type LegendShape =
  | 'circle'
  | 'triangle'
  | 'square'
  | 'diamond'
  | 'times'
  | 'bar'
  | 'line'
  | 'dashed'
  | 'dotted';

export interface LegendItem {
  label: string;
  color: string;
  shape: LegendShape;
  /** Drawn faded, like an incomplete week. */
  faded?: boolean;
}

function Swatch(props: { color: string; shape: LegendShape; faded?: boolean | undefined }) {
  const c = props.color;
  const opacity = props.faded ? 0.45 : 1;
  const shape = (() => {
    switch (props.shape) {
      case 'circle':
        return <circle cx="8" cy="8" r="4.5" fill={c} />;
      case 'triangle':
        return <path d="M8 2.5 L13.5 12.5 L2.5 12.5 Z" fill={c} />;
      case 'square':
        return <rect x="3.5" y="3.5" width="9" height="9" fill={c} />;
      case 'diamond':
        return <path d="M8 1.5 L14.5 8 L8 14.5 L1.5 8 Z" fill={c} />;
      case 'times':
        return <path d="M3.5 3.5 L12.5 12.5 M12.5 3.5 L3.5 12.5" stroke={c} stroke-width="2" />;
      case 'bar':
        return <rect x="2" y="2" width="12" height="12" fill={c} fill-opacity={opacity} />;
      case 'line':
        return <path d="M1 8 H15" stroke={c} stroke-width="2.5" />;
      case 'dashed':
        return <path d="M1 8 H15" stroke={c} stroke-width="2.5" stroke-dasharray="4 2" />;
      case 'dotted':
        return <path d="M1 8 H15" stroke={c} stroke-width="2.5" stroke-dasharray="1.5 2.5" />;
    }
  })();
  return (
    <svg class="legend-swatch" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      {shape}
    </svg>
  );
}

export function ChartLegend(props: { items: readonly LegendItem[]; label: string }) {
  return (
    <ul class="chart-legend" aria-label={props.label}>
      {props.items.map((item) => (
        <li key={item.label}>
          <Swatch color={item.color} shape={item.shape} faded={item.faded} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
