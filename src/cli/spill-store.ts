/**
 * An append-only byte store for the CLI's temporary copy of the input (which is PHI): in memory up
 * to a budget, beyond it one temporary file. The file is created 0600 inside a fresh 0700 folder
 * and unlinked (and the folder removed) at once: it has no name while the run lasts, and the kernel
 * frees it however the process ends — normal exit, error, Ctrl-C, SIGKILL, out of memory. Where the
 * system refuses to unlink an open file, the names are removed by {@link SpillStore.dispose}, which
 * the CLI also runs on signals and fatal errors.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, unlinkSync, rmdirSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Copies `src[start, end)` into `dst` at `at` (through a plain view: cheaper than Buffer#subarray per call). */
export function copyBytes(src: Uint8Array, start: number, end: number, dst: Uint8Array, at: number): void {
  dst.set(new Uint8Array(src.buffer, src.byteOffset + start, end - start), at);
}

/** Size of one in-memory chunk and of the file's write buffer. */
const CHUNK_BYTES = 4 * 1024 * 1024;

/** Store options. */
export interface SpillStoreOptions {
  /** Bytes kept in memory before everything moves to the temporary file. */
  memoryBytes: number;
  /** Unlink the file as soon as it is open (default true; false keeps its name until dispose, for tests). */
  unlinkWhileOpen?: boolean;
}

/** Bytes appended once, read back by offset. */
export class SpillStore {
  private chunks: Buffer[] = [];
  private fd = -1;
  /** Bytes written to the file (file mode). */
  private flushed = 0;
  /** File mode: bytes waiting in `chunks[0]` to be written at offset `flushed`. */
  private pending = 0;
  private total = 0;
  private disposed = false;
  private didSpill = false;
  /** The file and folder while they still have names (empty once unlinked). */
  readonly paths: string[] = [];

  constructor(private readonly opts: SpillStoreOptions) {}

  /** Bytes stored. */
  get size(): number {
    return this.total;
  }

  /** Whether the bytes live in the temporary file. */
  get onDisk(): boolean {
    return this.fd >= 0;
  }

  /** Whether the store ever moved to its temporary file (still true after dispose). */
  get spilled(): boolean {
    return this.didSpill;
  }

  /** Appends `src[start, end)`; returns its offset. */
  append(src: Uint8Array, start: number, end: number): number {
    const at = this.total;
    const n = end - start;
    if (this.fd < 0 && at + n > this.opts.memoryBytes) {
      this.spill();
    }
    if (this.fd >= 0) {
      this.appendToFile(src, start, end);
    } else {
      this.appendToMemory(src, start, end);
    }
    this.total += n;
    return at;
  }

  private appendToMemory(src: Uint8Array, start: number, end: number): void {
    let at = this.total;
    while (start < end) {
      const c = Math.floor(at / CHUNK_BYTES);
      const off = at % CHUNK_BYTES;
      if (c === this.chunks.length) {
        this.chunks.push(Buffer.allocUnsafe(CHUNK_BYTES));
      }
      const n = Math.min(end - start, CHUNK_BYTES - off);
      copyBytes(src, start, start + n, this.chunks[c]!, off);
      start += n;
      at += n;
    }
  }

  private appendToFile(src: Uint8Array, start: number, end: number): void {
    const buf = this.chunks[0]!;
    if (end - start >= CHUNK_BYTES) {
      this.flushPending();
      this.write(src, start, end);
      return;
    }
    if (this.pending + end - start > CHUNK_BYTES) {
      this.flushPending();
    }
    copyBytes(src, start, end, buf, this.pending);
    this.pending += end - start;
  }

  private write(src: Uint8Array, start: number, end: number): void {
    while (start < end) {
      const n = writeSync(this.fd, src, start, end - start, this.flushed);
      start += n;
      this.flushed += n;
    }
  }

  private flushPending(): void {
    if (!this.pending) {
      return;
    }
    this.write(this.chunks[0]!, 0, this.pending);
    this.pending = 0;
  }

  /** Moves everything to a new temporary file (0600 in a 0700 folder, unlinked at once). */
  private spill(): void {
    const dir = mkdtempSync(join(tmpdir(), 'caregap-'));
    const file = join(dir, 'shards');
    this.paths.push(file, dir);
    this.fd = openSync(file, 'wx+', 0o600);
    this.didSpill = true;
    if (this.opts.unlinkWhileOpen ?? true) {
      try {
        unlinkSync(file);
        rmdirSync(dir);
        this.paths.length = 0;
      } catch {
        // an open file cannot be unlinked here (Windows): dispose() removes it by name
      }
    }
    const chunks = this.chunks;
    let left = this.total;
    for (const c of chunks) {
      const n = Math.min(left, CHUNK_BYTES);
      this.write(c, 0, n);
      left -= n;
    }
    this.chunks = [chunks[0] ?? Buffer.allocUnsafe(CHUNK_BYTES)];
  }

  /** Copies `length` bytes from `offset` into `into` at `at`. */
  read(offset: number, length: number, into: Uint8Array, at: number): void {
    if (offset + length > this.total) {
      throw new RangeError('read past the end of the store');
    }
    if (this.fd < 0) {
      while (length > 0) {
        const c = Math.floor(offset / CHUNK_BYTES);
        const off = offset % CHUNK_BYTES;
        const n = Math.min(length, CHUNK_BYTES - off);
        into.set(this.chunks[c]!.subarray(off, off + n), at);
        offset += n;
        at += n;
        length -= n;
      }
      return;
    }
    // from the file, then from the write buffer
    while (length > 0 && offset < this.flushed) {
      const n = readSync(this.fd, into, at, Math.min(length, this.flushed - offset), offset);
      if (n === 0) {
        throw new Error('temporary store: unexpected end of file');
      }
      offset += n;
      at += n;
      length -= n;
    }
    if (length > 0) {
      into.set(this.chunks[0]!.subarray(offset - this.flushed, offset - this.flushed + length), at);
    }
  }

  /** Frees the memory, closes the file and removes any name it still has. Safe to call twice. */
  dispose(): void {
    if (this.disposed) {
      return;
    }
    this.disposed = true;
    this.chunks = [];
    if (this.fd >= 0) {
      try {
        closeSync(this.fd);
      } catch {
        // already closed
      }
      this.fd = -1;
    }
    for (const p of this.paths.splice(0)) {
      rmSync(p, { recursive: true, force: true });
    }
  }
}
