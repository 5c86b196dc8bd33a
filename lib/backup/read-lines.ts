import { createHash } from "node:crypto";
import { RestoreRefusedError } from "./restore-errors";

/** What a restore reads: the whole file as text, or its bytes as they arrive (a file or request stream). */
export type BackupInput = string | Uint8Array | AsyncIterable<Uint8Array | string>;

/**
 * The longest line accepted. An article record carries the body twice (document and text); at the
 * import limit of 2 MB per article that is well under this, and a file without line breaks is
 * refused before it fills the memory.
 */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;

export interface NumberedLine {
  /** 1-based, as an editor shows it. */
  number: number;
  text: string;
}

/**
 * Splits the input into lines at "\n" (a "\r" before it is dropped), decoding each as UTF-8 on
 * its own so that an invalid byte is reported with its line. The sha256 of every byte read is
 * available from `digest()` once the lines are exhausted.
 */
export class LineReader {
  private readonly hash = createHash("sha256");
  private bytes = 0;

  constructor(private readonly input: BackupInput) {}

  digest(): { sha256: string; bytes: number } {
    return { sha256: this.hash.digest("hex"), bytes: this.bytes };
  }

  async *lines(): AsyncGenerator<NumberedLine> {
    const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
    let pending: Uint8Array[] = [];
    let pendingBytes = 0;
    let number = 0;

    const finish = (parts: Uint8Array[]): NumberedLine => {
      number++;
      const bytes = parts.length === 1 ? parts[0] : Buffer.concat(parts);
      let text: string;
      try {
        // A byte-order mark on the first line (some editors add one) is dropped by the decoder.
        text = decoder.decode(bytes);
      } catch {
        throw new RestoreRefusedError(number, "malformed", { code: "libBackup.parse.notUtf8" });
      }
      return { number, text: text.endsWith("\r") ? text.slice(0, -1) : text };
    };

    for await (const chunk of chunksOf(this.input)) {
      this.hash.update(chunk);
      this.bytes += chunk.byteLength;
      let from = 0;
      for (;;) {
        const newline = chunk.indexOf(0x0a, from);
        if (newline === -1) break;
        const tail = chunk.subarray(from, newline);
        if (pendingBytes + tail.byteLength > MAX_LINE_BYTES) throw tooLong(number + 1);
        yield finish(pending.length === 0 ? [tail] : [...pending, tail]);
        pending = [];
        pendingBytes = 0;
        from = newline + 1;
      }
      if (from < chunk.byteLength) {
        // Copied: a stream may reuse the buffer of the chunk it handed over.
        const rest = Uint8Array.prototype.slice.call(chunk, from);
        pendingBytes += rest.byteLength;
        if (pendingBytes > MAX_LINE_BYTES) throw tooLong(number + 1);
        pending.push(rest);
      }
    }
    // The last line needs no line break after it.
    if (pendingBytes > 0) yield finish(pending);
  }
}

function tooLong(line: number): RestoreRefusedError {
  return new RestoreRefusedError(line, "malformed", { code: "libBackup.parse.lineTooLong", params: { size: MAX_LINE_BYTES / (1024 * 1024) } });
}

async function* chunksOf(input: BackupInput): AsyncGenerator<Uint8Array> {
  if (typeof input === "string") {
    yield Buffer.from(input, "utf8");
    return;
  }
  if (input instanceof Uint8Array) {
    yield input;
    return;
  }
  for await (const chunk of input) yield typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
}
