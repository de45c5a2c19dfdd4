/**
 * Reads a file's lines as byte ranges, in large chunks: a line ends at `\n`, `\r\n` or a lone `\r`
 * (as node:readline splits them), the last line may lack its newline. Lines are split on bytes, so
 * a multi-byte UTF-8 character split across two chunks stays whole. A line longer than
 * `maxLineBytes` is never held: its bytes are dropped as they are read and `onTooLong` gets its
 * number once its end is found, so a 1 GiB line costs no more memory than the limit. The reader
 * yields to the event loop after each chunk (a Ctrl-C is handled promptly).
 */
import { closeSync, openSync, readSync } from 'node:fs';

/** Bytes read from a file at a time (the buffer grows for a longer line, up to the line limit). */
export const READ_CHUNK_BYTES = 1024 * 1024;

/** What the reader reports. */
export interface LineSink {
  /** One line `buf[start, end)` without its line ending, 1-based number `line`; `buf` is valid during the call (and the promise it returns) only. */
  line(buf: Buffer, start: number, end: number, line: number): void | Promise<void>;
  /** Line `line` was longer than the limit and was skipped. */
  tooLong(line: number): void;
  /** `n` more bytes were read (progress). */
  bytes?(n: number): void;
}

/** Reading options. */
export interface LineReaderOptions {
  /** Longest line delivered (bytes, line ending excluded). */
  maxLineBytes: number;
  chunkBytes?: number;
  /** Called between chunks (the reader awaits it): yields to the event loop by default. */
  pause?: () => Promise<void>;
}

const LF = 10;
const CR = 13;
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Reads every line of `file` into `sink`; throws when the file cannot be read. */
export async function readLines(file: string, sink: LineSink, opts: LineReaderOptions): Promise<void> {
  const chunk = Math.max(1, opts.chunkBytes ?? READ_CHUNK_BYTES);
  const max = opts.maxLineBytes;
  const pause = opts.pause ?? nextTurn;
  const fd = openSync(file, 'r');
  try {
    // room for the longest line, its CR (whose LF may be in the next chunk) and one byte more: a
    // full buffer then always holds a line over the limit
    const cap = max + 2;
    let buf = Buffer.allocUnsafe(Math.min(chunk, cap));
    let len = 0;
    let line = 0;
    /** Number of the over-long line being dropped (0: none). */
    let skipping = 0;
    /** A line (dropped or not) ended with CR at the end of the data: a LF first in the next data belongs to it. */
    let crPending = false;
    for (let eof = false; !eof;) {
      if (len === buf.length) {
        if (len >= cap) {
          // the unfinished line is over the limit: drop what we have and the rest of it as it comes
          // (unless it has just ended with a CR whose LF, if any, is still to come)
          if (buf[len - 1] === CR) {
            sink.tooLong(++line);
            crPending = true;
          } else {
            skipping = ++line;
          }
          len = 0;
        } else {
          const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, cap));
          buf.copy(bigger, 0, 0, len);
          buf = bigger;
        }
      }
      const n = readSync(fd, buf, len, buf.length - len, null);
      sink.bytes?.(n);
      eof = n === 0;
      const from = len;
      len += n;
      let pos = 0;
      if (crPending && from === 0 && len > 0) {
        crPending = false;
        if (buf[0] === LF) {
          pos = 1;
        }
      }
      if (skipping) {
        // look for the end of the dropped line
        let at = pos;
        while (at < len && buf[at] !== LF && buf[at] !== CR) {
          at++;
        }
        if (at === len) {
          if (eof) {
            sink.tooLong(skipping);
          }
          len = 0;
          if (!eof) {
            await pause();
          }
          continue;
        }
        sink.tooLong(skipping);
        skipping = 0;
        if (buf[at] === CR) {
          if (at + 1 < len) {
            pos = buf[at + 1] === LF ? at + 2 : at + 1;
          } else {
            pos = at + 1;
            crPending = true;
          }
        } else {
          pos = at + 1;
        }
      }
      const view = buf.subarray(0, len);
      let nl = view.indexOf(LF, pos);
      let cr = view.indexOf(CR, pos);
      while (pos < len) {
        if (nl !== -1 && nl < pos) {
          nl = view.indexOf(LF, pos);
        }
        if (cr !== -1 && cr < pos) {
          cr = view.indexOf(CR, pos);
        }
        let stop: number;
        let next: number;
        if (cr !== -1 && (nl === -1 || cr < nl)) {
          // CRLF or a lone CR; a CR at the end of the data needs the next byte to tell
          if (cr + 1 < len) {
            next = view[cr + 1] === LF ? cr + 2 : cr + 1;
          } else if (eof) {
            next = cr + 1;
          } else {
            break;
          }
          stop = cr;
        } else if (nl !== -1) {
          stop = nl;
          next = nl + 1;
        } else if (eof) {
          stop = next = len;
        } else {
          break;
        }
        line++;
        if (stop - pos > max) {
          sink.tooLong(line);
        } else {
          const pending = sink.line(view, pos, stop, line);
          if (pending) {
            await pending;
          }
        }
        pos = next;
      }
      // keep the unfinished line for the next read
      if (pos > 0) {
        buf.copy(buf, 0, pos, len);
        len -= pos;
      }
      if (!eof) {
        await pause();
      }
    }
  } finally {
    closeSync(fd);
  }
}
