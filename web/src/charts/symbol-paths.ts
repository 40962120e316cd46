/**
 * SVG path data for the point shapes the charts use, the same strings d3's symbols draw for Observable Plot
 * (a shape of area π·r², numbers rounded to 3 decimals), so a hand-drawn chart's points look exactly like
 * Plot's. test/web/hand-drawn-axes.test.ts holds them to d3's.
 */
export type SymbolName = 'circle' | 'triangle' | 'square' | 'diamond' | 'times';

const n = (value: number) => Math.round(value * 1000) / 1000;
const SQRT3 = Math.sqrt(3);
const TAN30 = Math.sqrt(1 / 3);

/** The path of `symbol` centred on 0,0 with the area of a circle of radius `r`. */
export function symbolPath(symbol: SymbolName, r: number): string {
  const size = r * r * Math.PI;
  switch (symbol) {
    case 'circle': {
      const c = Math.sqrt(size / Math.PI);
      return `M${n(c)},0A${n(c)},${n(c)},0,1,1,${n(-c)},0A${n(c)},${n(c)},0,1,1,${n(c)},0`;
    }
    case 'triangle': {
      const y = -Math.sqrt(size / (SQRT3 * 3));
      return `M0,${n(y * 2)}L${n(-SQRT3 * y)},${n(-y)}L${n(SQRT3 * y)},${n(-y)}Z`;
    }
    case 'square': {
      const w = Math.sqrt(size);
      const x = -w / 2;
      return `M${n(x)},${n(x)}h${n(w)}v${n(w)}h${n(-w)}Z`;
    }
    case 'diamond': {
      const y = Math.sqrt(size / (TAN30 * 2));
      const x = y * TAN30;
      return `M0,${n(-y)}L${n(x)},0L0,${n(y)}L${n(-x)},0Z`;
    }
    case 'times': {
      const t = Math.sqrt(size - Math.min(size / 6, 1.7)) * 0.6189;
      return `M${n(-t)},${n(-t)}L${n(t)},${n(t)}M${n(-t)},${n(t)}L${n(t)},${n(-t)}`;
    }
  }
}
