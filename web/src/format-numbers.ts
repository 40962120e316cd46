/**
 * Whole numbers with a comma every three digits ("1,378"), as `toLocaleString('en')` prints them, spelled out
 * here: the first Intl formatter of a fresh page loads the locale data (34-74 ms in headless Chromium on the
 * 2-core machine), which the Training screen paid for its descent labels alone. format-numbers.test.ts holds
 * the output to Intl's on a wide range of values.
 */
export function wholeWithCommas(value: number): string {
  const rounded = Math.round(value);
  if (!Number.isFinite(rounded) || Math.abs(rounded) >= 1e21) return rounded.toLocaleString('en');
  const digits = Math.abs(rounded).toString();
  const grouped = digits.replace(/\B(?=(\d{3})+$)/g, ',');
  // -0 and values that round to it print "-0", as Intl does.
  return rounded < 0 || Object.is(rounded, -0) ? `-${grouped}` : grouped;
}
