/** Bytes gathered into chunks of a fixed size, so the file goes out in few, large pieces. */
export class ByteChunks {
  private current: Buffer;
  private used = 0;
  private ready: Buffer[] = [];

  constructor(private readonly size: number) {
    this.current = Buffer.allocUnsafe(size);
  }

  write(bytes: Buffer, start: number, end: number): void {
    while (start < end) {
      const n = Math.min(end - start, this.size - this.used);
      bytes.copy(this.current, this.used, start, start + n);
      this.used += n;
      start += n;
      if (this.used === this.size) {
        this.ready.push(this.current);
        this.current = Buffer.allocUnsafe(this.size);
        this.used = 0;
      }
    }
  }

  /** The chunks filled so far. */
  full(): Buffer[] {
    const ready = this.ready;
    this.ready = [];
    return ready;
  }

  /** Everything left, the last chunk cut to what it holds. */
  rest(): Buffer[] {
    const ready = this.full();
    if (this.used > 0) ready.push(this.current.subarray(0, this.used));
    this.used = 0;
    return ready;
  }
}
