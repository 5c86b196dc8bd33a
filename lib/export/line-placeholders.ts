/**
 * What a stored export line holds in place of the values that differ per request. Unicode
 * noncharacters ("permanently reserved for internal use"): no JSON or CSV writer escapes them, and
 * text typed or pasted into Derek almost never holds one (a claim that does is never stored, see
 * lib/export/export-lines.ts).
 */
export const PLACEHOLDERS = {
  origin: "\uFDD0",
  publisherName: "\uFDD1",
  publisherUrl: "\uFDD2",
} as const;

/** The request's values for the placeholders. */
export interface LinkValues {
  origin: string;
  publisherName: string;
  publisherUrl: string;
}

const ANY_PLACEHOLDER = /[\uFDD0-\uFDD2]/;

export function hasPlaceholder(text: string): boolean {
  return ANY_PLACEHOLDER.test(text);
}

/** A value as JSON.stringify writes it inside a string. */
export function jsonEscape(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

/**
 * Whether a value put into a CSV field (at its start, or after text of its own) leaves the field as
 * the writer would write it: nothing that makes papaparse quote the field (a quote, comma, line
 * break, byte-order mark, edge space) and nothing the formula guard acts on at a field's start.
 */
export function csvAccepts(value: string): boolean {
  return value.length > 0 && !/[\s",\uFEFF]/.test(value) && !/^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/.test(value);
}
