import type { Readable } from "node:stream";
import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";

/**
 * A `COPY … TO STDOUT` sent on a connection, read chunk by chunk. The statement goes out when this
 * is made, so the caller can do other work while PostgreSQL prepares its first row. A COPY left
 * unread holds the connection (the ROLLBACK after a cancelled download would wait behind it
 * forever), so `close()` reads and drops whatever the reader did not take.
 */
export class CopyOut {
  private readonly stream: Readable;
  private ended = false;

  constructor(client: pg.ClientBase, sql: string) {
    this.stream = client.query(copyTo(sql));
  }

  /** The data, as it arrives. Stopping part-way leaves the rest for `close()`. */
  async *chunks(): AsyncGenerator<Buffer> {
    for await (const chunk of this.stream.iterator({ destroyOnReturn: false })) yield chunk as Buffer;
    this.ended = true;
  }

  /** Settles once the COPY has ended, reading and dropping what was not read. */
  async close(): Promise<void> {
    if (!this.ended) await drained(this.stream);
  }
}

/** Settles once the stream has ended, reading and dropping whatever is left of it. */
async function drained(stream: Readable): Promise<void> {
  if (stream.readableEnded || stream.destroyed) return;
  await new Promise<void>((resolve) => {
    stream.once("end", resolve).once("close", resolve).once("error", () => resolve());
    stream.resume();
  });
}
