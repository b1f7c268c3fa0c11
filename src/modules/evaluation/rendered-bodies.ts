/**
 * The serialized matrix bodies last answered, by their ETag (`matrixEtag`, which covers every fact
 * the body shows and names its representation): a build whose ETag is listed here answers these
 * bytes without assembling the view or serializing it again. Least recently used first out, within
 * a byte budget per process; nothing here outlives the process, so a deployment that changes how a
 * body is written starts empty.
 */
export class RenderedBodies {
  private readonly entries = new Map<string, Buffer>();
  private bytes = 0;

  constructor(private readonly budgetBytes: number) {}

  /** The body for `etag`, rendered by `render` when not kept (and then kept, if it fits the budget). */
  get(etag: string, render: () => Buffer): Buffer {
    const kept = this.entries.get(etag);
    if (kept) {
      // most recently used last
      this.entries.delete(etag);
      this.entries.set(etag, kept);
      return kept;
    }
    const body = render();
    if (body.length <= this.budgetBytes) {
      this.entries.set(etag, body);
      this.bytes += body.length;
      for (const [key, old] of this.entries) {
        if (this.bytes <= this.budgetBytes) break;
        this.entries.delete(key);
        this.bytes -= old.length;
      }
    }
    return body;
  }

  /** Bytes kept now. */
  get size(): number {
    return this.bytes;
  }
}
