/**
 * Ticks for a linear axis and their labels, chosen exactly as d3 (and so Observable Plot) chooses them: a step
 * of 1, 2 or 5 times a power of ten, about `count` of them, labelled with as many decimals as the step needs,
 * thousands commas and a real minus sign ("−1,000"). Written out here so the Training screen's first chart can
 * be drawn before Plot (most of the screen's code) has arrived. test/web/hand-drawn-axes.test.ts holds them
 * to d3's own on random domains.
 */
const E10 = Math.sqrt(50);
const E5 = Math.sqrt(10);
const E2 = Math.sqrt(2);

/** [first index, last index, increment]; a negative increment means 1 / -increment (d3-array's tickSpec). */
function tickSpec(start: number, stop: number, count: number): [number, number, number] {
  const step = (stop - start) / Math.max(0, count);
  const power = Math.floor(Math.log10(step));
  const error = step / 10 ** power;
  const factor = error >= E10 ? 10 : error >= E5 ? 5 : error >= E2 ? 2 : 1;
  let i1: number;
  let i2: number;
  let inc: number;
  if (power < 0) {
    inc = 10 ** -power / factor;
    i1 = Math.round(start * inc);
    i2 = Math.round(stop * inc);
    if (i1 / inc < start) i1 += 1;
    if (i2 / inc > stop) i2 -= 1;
    inc = -inc;
  } else {
    inc = 10 ** power * factor;
    i1 = Math.round(start / inc);
    i2 = Math.round(stop / inc);
    if (i1 * inc < start) i1 += 1;
    if (i2 * inc > stop) i2 -= 1;
  }
  if (i2 < i1 && 0.5 <= count && count < 2) return tickSpec(start, stop, count * 2);
  return [i1, i2, inc];
}

/** About `count` round values from `start` to `stop` (start ≤ stop), both ends included when round. */
export function linearTicks(start: number, stop: number, count: number): number[] {
  if (!(count > 0)) return [];
  if (start === stop) return [start];
  const [i1, i2, inc] = tickSpec(start, stop, count);
  if (!(i2 >= i1)) return [];
  const ticks: number[] = [];
  // i1 + k, not a running index: the first tick is +0, never −0 (as d3's).
  for (let k = 0; k <= i2 - i1; k += 1) ticks.push(inc < 0 ? (i1 + k) / -inc : (i1 + k) * inc);
  return ticks;
}

/** The distance between ticks (d3-array's tickStep), for start ≤ stop. */
export function linearTickStep(start: number, stop: number, count: number): number {
  const inc = tickSpec(start, stop, count)[2];
  return inc < 0 ? 1 / -inc : inc;
}

/**
 * The labeller d3's linear scale gives an axis over [start, stop] with about `count` ticks (format ",.Nf" with
 * N the step's decimals), in d3's default locale: comma thousands, U+2212 for minus, never "−0".
 */
export function linearTickFormat(start: number, stop: number, count: number): (value: number) => string {
  const step = Math.abs(linearTickStep(Math.min(start, stop), Math.max(start, stop), count));
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  return (value) => {
    const fixed = Math.abs(value).toFixed(decimals);
    const [whole = '', fraction] = fixed.split('.');
    const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
    const text = fraction === undefined ? grouped : `${grouped}.${fraction}`;
    // A value that rounds to zero is shown without a sign, as d3-format does.
    return value < 0 && /[1-9]/.test(fixed) ? `−${text}` : text;
  };
}
