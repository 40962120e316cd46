/**
 * Numbers from XML text. A one-hour track holds some twenty thousand of them, and `Number(text)` leaves
 * optimised code for each; the plain decimals devices write (`46.0500270`, `-12.5`, `140`) are read digit by
 * digit here instead. With at most 15 digits the digits form an exact double and so does the power of ten, so
 * one division gives the correctly rounded value, the very double `Number` returns. Anything else (more
 * digits, exponents, spaces, hex, `Infinity`) goes to `Number`.
 */

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** A number from element text; NaN (not 0) for empty or non-numeric text. */
export function numberOf(text: string): number {
  const n = text.length;
  if (n === 0) return Number.NaN;
  let i = 0;
  let negative = false;
  const first = text.charCodeAt(0);
  if (first === 0x2d) {
    negative = true;
    i = 1;
  } else if (first === 0x2b) i = 1;
  let mantissa = 0;
  let digits = 0;
  let places = 0;
  let point = false;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    const d = c - 0x30;
    if (d >= 0 && d <= 9) {
      mantissa = mantissa * 10 + d;
      digits++;
      if (point) places++;
    } else if (c === 0x2e && !point) point = true;
    else return numberByStandardConversion(text);
  }
  if (digits === 0 || digits > 15) return numberByStandardConversion(text);
  const value = places === 0 ? mantissa : mantissa / (POW10[places] as number);
  return negative ? -value : value;
}

/** `Number(text)`, with NaN for what is not a finite number: the reference `numberOf` matches. */
export function numberByStandardConversion(text: string): number {
  if (text.length === 0) return Number.NaN;
  const value = Number(text);
  return Number.isFinite(value) ? value : Number.NaN;
}
