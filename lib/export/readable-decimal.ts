/**
 * A figure as people write it: the shortest decimal string with exactly the stored value.
 * PostgreSQL renders a Decimal(24, 6) with all six places ("4000.000000"); this trims the zeros
 * after the point (and the point itself when nothing is left after it). It works on the text,
 * never through a float, so 0.1 stays 0.1 and 12345678901234567.5 keeps every digit, and it never
 * writes an exponent.
 */
export function readableDecimal(text: string): string;
export function readableDecimal(text: string | null): string | null;
export function readableDecimal(text: string | null): string | null {
  if (text === null || !text.includes(".")) return text;
  let end = text.length;
  while (text.charCodeAt(end - 1) === 0x30 /* 0 */) end--;
  if (text.charCodeAt(end - 1) === 0x2e /* . */) end--;
  return text.slice(0, end);
}
