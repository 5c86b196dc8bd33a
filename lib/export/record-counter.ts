/**
 * Counting the records of an export as its text arrives, for a progress bar. Every format ends
 * each claim with a line break that cannot occur inside the claim's record: in the JSON formats a
 * record is one line (JSON.stringify escapes line breaks), while a CSV field may hold line breaks
 * inside its quotes, so CSV counts only the line breaks outside quotes.
 *
 * Plain functions over text chunks, with no imports: the browser's export panel uses them.
 */

export interface RecordCounter {
  /** Feeds the next chunk of the file, split anywhere (even inside a field or a quote pair). */
  push(chunk: string): void;
  /** Record-ending line breaks seen so far. */
  readonly lines: number;
}

/** Line breaks, for formats whose records never contain one. */
export function createLineCounter(): RecordCounter {
  let lines = 0;
  return {
    push(chunk) {
      for (let i = chunk.indexOf("\n"); i !== -1; i = chunk.indexOf("\n", i + 1)) lines++;
    },
    get lines() {
      return lines;
    },
  };
}

/**
 * Line breaks outside double quotes (RFC 4180). A doubled quote inside a quoted field ("") leaves
 * the field and enters it again at once, so toggling on every quote character stays right
 * whichever chunk boundary falls between the two.
 */
export function createCsvRecordCounter(): RecordCounter {
  let lines = 0;
  let quoted = false;
  return {
    push(chunk) {
      for (let i = 0; i < chunk.length; i++) {
        const ch = chunk.charCodeAt(i);
        if (ch === 0x22) quoted = !quoted;
        else if (ch === 0x0a && !quoted) lines++;
      }
    },
    get lines() {
      return lines;
    },
  };
}

/**
 * Lines that begin with `prefix`, for files that mix claims with other records on lines of their
 * own (the JSON Lines backup writes articles, users and reviews around its claims). Only each
 * line's first characters are looked at, whichever chunks they arrive in.
 */
export function createPrefixedLineCounter(prefix: string): RecordCounter {
  let lines = 0;
  // How far into the current line the prefix has matched; -1 once it cannot match any more.
  let matched = 0;
  return {
    push(chunk) {
      for (let i = 0; i < chunk.length; i++) {
        const ch = chunk[i];
        if (ch === "\n") {
          if (matched === prefix.length) lines++;
          matched = 0;
        } else if (matched >= 0 && matched < prefix.length) {
          matched = ch === prefix[matched] ? matched + 1 : -1;
        }
      }
    },
    get lines() {
      return lines;
    },
  };
}

/**
 * How a format's records are counted: which counter, how many lines come before the first claim,
 * and, for files with other records too, how a claim's line begins.
 */
export interface RecordCounting {
  quotedFields: boolean;
  headerLines: number;
  claimLinePrefix?: string;
}

export function createRecordCounter(counting: RecordCounting): { push(chunk: string): void; readonly records: number } {
  const counter = counting.quotedFields
    ? createCsvRecordCounter()
    : counting.claimLinePrefix
      ? createPrefixedLineCounter(counting.claimLinePrefix)
      : createLineCounter();
  return {
    push: (chunk) => counter.push(chunk),
    get records() {
      return Math.max(0, counter.lines - counting.headerLines);
    },
  };
}
