import { Parser } from "htmlparser2";
import { ImportError } from "./import-error";
import { MAX_NESTING_DEPTH } from "./limits";

const tooDeep = () =>
  new ImportError("too_complex", "libImport.limits.tooDeep", { params: { max: MAX_NESTING_DEPTH } });

class NestedTooDeep extends Error {}

/**
 * Refuses HTML nested past MAX_NESTING_DEPTH in one linear pass, before the sanitiser (whose time
 * grows with the square of the depth) sees it. htmlparser2 is the tokenizer the sanitiser itself
 * uses, so elements closed implicitly (<p><p>, <li><li>) count as it will read them; the pass
 * stops at the first element past the limit, so its own stack never grows beyond it.
 */
export function checkHtmlNesting(html: string): void {
  let depth = 0;
  const parser = new Parser(
    {
      onopentag() {
        if (++depth > MAX_NESTING_DEPTH) throw new NestedTooDeep();
      },
      onclosetag() {
        depth--;
      },
    },
    { decodeEntities: false, recognizeSelfClosing: false },
  );
  try {
    parser.end(html);
  } catch (error) {
    if (error instanceof NestedTooDeep) throw tooDeep();
    throw error;
  }
}

/**
 * Block quotes and lists open at the start of a line: "> > >", "- - -", "1. 1." and indentation.
 * Every marker or two spaces of indent may open one more level, so this over-counts rather than
 * misses; real articles stay far below the limit either way.
 */
const LINE_PREFIX = /^(?:[ \t]|>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$))*/;

/**
 * Refuses Markdown whose quotes and lists nest past MAX_NESTING_DEPTH, before the Markdown reader
 * (quadratic in the depth, and out of stack near 2,000) sees it. Raw HTML inside Markdown is
 * checked after conversion, with the rest of the HTML.
 */
export function checkMarkdownNesting(markdown: string): void {
  for (const line of markdown.split("\n")) {
    const prefix = LINE_PREFIX.exec(line)![0];
    if (prefix.length <= MAX_NESTING_DEPTH) continue;
    let depth = 0;
    let spaces = 0;
    for (const ch of prefix) {
      if (ch === " ") spaces++;
      else if (ch === "\t") spaces += 4;
      else if (ch === ">" || ch === "-" || ch === "*" || ch === "+" || ch === "." || ch === ")") depth++;
    }
    if (depth + Math.floor(spaces / 2) > MAX_NESTING_DEPTH) throw tooDeep();
  }
}
