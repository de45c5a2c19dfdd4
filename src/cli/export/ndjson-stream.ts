/**
 * Streaming an ndjson download to disk: counts complete non-empty lines as bytes arrive (and where
 * the last complete line ends, the point a resumed download starts from), keeps the start of the
 * first line to check the file holds the resource type the manifest says, and gives up on a body
 * that stops sending bytes.
 */
import type { FileHandle } from 'node:fs/promises';

const NEWLINE = 0x0a;
const CR = 0x0d;
/** Bytes of the first line kept to check its resourceType. */
const HEAD_BYTES = 1 << 16;

/** The resourceType of a file's first line, when it can be read from its start (undefined = cannot tell). */
export function firstResourceType(head: Buffer | undefined): string | undefined {
  if (!head?.length) {
    return undefined;
  }
  const nl = head.indexOf(NEWLINE);
  if (nl < 0 && head.length >= HEAD_BYTES) {
    return undefined;
  } // a very long first line: not checked
  try {
    const type = (JSON.parse(head.toString('utf8', 0, nl < 0 ? head.length : nl)) as { resourceType?: unknown })
      .resourceType;
    return typeof type === 'string' ? type : '(none)';
  } catch {
    return '(not JSON)';
  }
}

/** Counts complete non-empty lines in a stream of chunks, remembering where the last one ended. */
export class LineCounter {
  lines = 0;
  /** Bytes up to and including the last newline. */
  complete = 0;
  /** Bytes seen. */
  total = 0;
  private pending = 0;

  /** The start of the file's first line (only when counting from byte 0), to check its resourceType. */
  head?: Buffer;

  constructor(startBytes = 0, startLines = 0) {
    this.complete = this.total = startBytes;
    this.lines = startLines;
    if (startBytes === 0) {
      this.head = Buffer.alloc(0);
    }
  }

  add(chunk: Uint8Array): void {
    if (this.head && this.head.length < HEAD_BYTES && this.lines === 0) {
      this.head = Buffer.concat([this.head, chunk.subarray(0, HEAD_BYTES - this.head.length)]);
    }
    let from = 0;
    for (let nl = chunk.indexOf(NEWLINE, from); nl >= 0; nl = chunk.indexOf(NEWLINE, from)) {
      const len = this.pending + nl - from - (nl > from && chunk[nl - 1] === CR ? 1 : 0);
      if (len > 0) {
        this.lines++;
      }
      this.pending = 0;
      from = nl + 1;
      this.complete = this.total + from;
    }
    this.pending += chunk.length - from;
    this.total += chunk.length;
  }

  /** Whether bytes follow the last newline (a last line without its newline, or a cut-off one). */
  get hasTail(): boolean {
    return this.total > this.complete;
  }
}

/** Reads a response body into the open file, with an idle timeout; throws when the stream breaks. */
export async function pipeBody(
  res: Response,
  fh: FileHandle,
  counter: LineCounter,
  idleMs: number,
  abort: AbortController,
  onBytes?: (n: number) => void,
): Promise<void> {
  if (!res.body) {
    return;
  }
  const reader = res.body.getReader();
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => abort.abort(new Error(`no data for ${Math.round(idleMs / 1000)} s`)), idleMs);
  };
  try {
    arm();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        break;
      }
      arm();
      await fh.write(value);
      counter.add(value);
      onBytes?.(value.length);
    }
  } finally {
    clearTimeout(timer);
    reader.releaseLock();
  }
}
