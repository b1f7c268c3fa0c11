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

  /** The body kept for `etag` (most recently used now), or undefined. */
  peek(etag: string): Buffer | undefined {
    const kept = this.entries.get(etag);
    if (kept) {
      this.entries.delete(etag);
      this.entries.set(etag, kept);
    }
    return kept;
  }

  /** Bytes kept now. */
  get size(): number {
    return this.bytes;
  }
}

/**
 * What was last made from each case's reads (the matrix's ETags by representation, the
 * sensitivity answer), with those reads' exact text (the three JSON columns of its one statement,
 * `EvaluationQueries.matrixReadsText`) and their basis (the snapshot they were read in, the
 * decision round they chose and their server, what `EvaluationQueries.matrixInputsChanged` checks): reads equal to
 * the kept ones, character for character, give the same build, so the same ETag or answer, without
 * parsing or building again. Sound because the build is a function of the case id and its reads
 * alone (no clock: the round's closing and the dates it is judged on are read against the database
 * clock in the same statement; no other state: the policy's defaults are constants), and a change
 * of anything the matrix shows is a change of the reads. Compared as text, never by a hash, so
 * nothing can collide. The basis kept is always one the kept reads were read in (the last one to
 * arrive with them, not always the newest snapshot: an older one only sends the check to the reads
 * sooner). One entry per case, least recently used first out, within a character budget.
 */
export class BuiltFromReads<V = string, B = unknown> {
  private readonly entries = new Map<string, { reads: readonly string[]; basis: B; chars: number; made: Map<string, V> }>();
  private chars = 0;

  constructor(private readonly budgetChars: number) {}

  /** The basis of the case's kept reads, if any: what to check before `made`. */
  basis(caseId: string): B | undefined {
    return this.entries.get(caseId)?.basis;
  }

  /** What was made as `key` from the kept reads of the case, if they still have this basis (the same object `basis` gave). */
  made(caseId: string, basis: B, key: string): V | undefined {
    const entry = this.entries.get(caseId);
    if (!entry || entry.basis !== basis) return undefined;
    this.entries.delete(caseId);
    this.entries.set(caseId, entry);
    return entry.made.get(key);
  }

  /** What was made as `key` from exactly these reads of the case, if kept; the kept basis becomes `basis`, the one these reads were read in. */
  get(caseId: string, reads: readonly string[], basis: B, key: string): V | undefined {
    const entry = this.entries.get(caseId);
    if (!entry || !sameReads(entry.reads, reads)) return undefined;
    entry.basis = basis;
    this.entries.delete(caseId);
    this.entries.set(caseId, entry);
    return entry.made.get(key);
  }

  /** Keeps what was made as `key` from these reads, read in `basis` (what was made from other reads of the case is forgotten). */
  remember(caseId: string, reads: readonly string[], basis: B, key: string, made: V): void {
    let entry = this.entries.get(caseId);
    if (entry && !sameReads(entry.reads, reads)) {
      this.entries.delete(caseId);
      this.chars -= entry.chars;
      entry = undefined;
    }
    if (!entry) {
      const chars = reads.reduce((n, r) => n + r.length, 0);
      if (chars > this.budgetChars) return;
      entry = { reads, basis, chars, made: new Map() };
      this.entries.set(caseId, entry);
      this.chars += chars;
      for (const [id, old] of this.entries) {
        if (this.chars <= this.budgetChars) break;
        this.entries.delete(id);
        this.chars -= old.chars;
      }
    }
    entry.basis = basis;
    entry.made.set(key, made);
  }
}

function sameReads(kept: readonly string[], reads: readonly string[]): boolean {
  return kept.length === reads.length && kept.every((r, i) => r === reads[i]);
}
