/** A file's text from a writer's chunks, joined as bytes (a chunk of bytes may end inside a character). */
export async function collect(chunks: AsyncIterable<string | Uint8Array>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts).toString("utf8");
}
