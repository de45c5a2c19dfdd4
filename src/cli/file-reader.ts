/**
 * Pass 1 of one input file (read-into-shards.ts runs it for every file): an ndjson file line by
 * line, a .json file whole; each resource's JSON bytes filed under its patient or among the shared
 * resources, each problem filed with its position and reason (never input content).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { MAX_JSON_DEPTH } from './bundle-types.ts';
import { scanBundle } from './bundle-scanner.ts';
import { readLines } from './line-reader.ts';
import { FHIR_ID, NESTED_TOO_DEEP, lastScanComplete, scanPatientId } from './patient-id-scanner.ts';
import { splitText, type SplitText } from './parsed-resources.ts';
import type { InputProblem, ProblemLog } from './problem-log.ts';
import { fsReason, isNdjson, type InputFile } from './read-inputs.ts';
import type { ReadInput, ReadOptions } from './read-into-shards.ts';

/** A patient id as it may appear in a message: a FHIR id, else a neutral placeholder (ids are input). */
export const printableId = (id: string): string => (FHIR_ID.test(id) ? id : '(id not a valid FHIR id)');

/** `N bytes` in binary units, for limit messages. */
export function formatBytes(n: number): string {
  for (const [unit, size] of [
    ['GiB', 2 ** 30],
    ['MiB', 2 ** 20],
    ['KiB', 2 ** 10],
  ] as const) {
    if (n >= size && n % size === 0) {
      return `${n / size} ${unit}`;
    }
  }
  return `${n} bytes`;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const isAsciiSpace = (c: number): boolean => c === 0x20 || (c >= 0x09 && c <= 0x0d);

/** One buffer reused to read whole .json files (their bytes are copied into the store). */
export class ReadBuffer {
  private buf = Buffer.allocUnsafe(1 << 20);

  /** The bytes of `path` (a view of the shared buffer, valid until the next read). */
  read(path: string, sizeHint: number): Buffer {
    const fd = openSync(path, 'r');
    try {
      if (this.buf.length < sizeHint + 1) {
        this.buf = Buffer.allocUnsafe(sizeHint + 1);
      }
      let len = 0;
      for (;;) {
        if (len === this.buf.length) {
          const bigger = Buffer.allocUnsafe(this.buf.length * 2);
          this.buf.copy(bigger, 0, 0, len);
          this.buf = bigger;
        }
        const n = readSync(fd, this.buf, len, this.buf.length - len, null);
        if (n === 0) {
          break;
        }
        len += n;
      }
      return this.buf.subarray(0, len);
    } finally {
      closeSync(fd);
    }
  }
}

/** Pass 1 of one file. */
export class FileReader {
  private readonly ndjson: boolean;

  private readonly file: string;

  constructor(
    private readonly source: InputFile,
    private readonly index: number,
    private readonly input: ReadInput,
    private readonly problems: ProblemLog,
    private readonly opts: ReadOptions,
    private readonly buffer: ReadBuffer,
  ) {
    this.file = source.path;
    this.ndjson = isNdjson(source.path);
  }

  /** Files a problem of this file; an ndjson problem sorts by its line (one without a line after them all). */
  private problem(message: string, line?: number): void {
    const p: InputProblem = { file: this.file, ...(line !== undefined ? { line } : {}), message };
    this.problems.add(p, this.index, this.ndjson ? (line ?? Infinity) : -1);
  }

  async readNdjson(): Promise<void> {
    try {
      await readLines(
        this.file,
        {
          line: (buf, start, end, n) => {
            if (
              n === 1 &&
              buf[start] === UTF8_BOM[0] &&
              buf[start + 1] === UTF8_BOM[1] &&
              buf[start + 2] === UTF8_BOM[2]
            ) {
              start += 3;
            }
            while (start < end && isAsciiSpace(buf[start]!)) {
              start++;
            }
            while (end > start && isAsciiSpace(buf[end - 1]!)) {
              end--;
            }
            if (start === end) {
              return;
            }
            const pid = scanPatientId(buf, start, end, MAX_JSON_DEPTH);
            if (pid === NESTED_TOO_DEEP) {
              return this.problem(`nested deeper than ${MAX_JSON_DEPTH} levels: not read`, n);
            }
            if (pid !== undefined) {
              return this.store(pid, buf, start, end, n);
            }
            // (a line the scanner read to its end is within the depth limit: no second depth walk)
            return this.parse(buf.toString('utf8', start, end), n, '', { buf, start, end }, lastScanComplete());
          },
          tooLong: (n) =>
            this.problem(`line longer than --max-line-bytes (${formatBytes(this.opts.maxLineBytes)}): not read`, n),
          bytes: this.opts.onBytes,
        },
        { maxLineBytes: this.opts.maxLineBytes },
      );
    } catch (e) {
      this.problem(`cannot read: ${fsReason(e)}`);
    }
  }

  async readJsonFile(): Promise<void> {
    const limit = `file larger than --max-line-bytes (${formatBytes(this.opts.maxLineBytes)}): not read`;
    if (this.source.size > this.opts.maxLineBytes) {
      this.opts.onBytes?.(this.source.size);
      return this.problem(limit);
    }
    let buf: Buffer;
    try {
      buf = this.buffer.read(this.file, this.source.size);
    } catch (e) {
      return this.problem(`cannot read: ${fsReason(e)}`);
    }
    this.opts.onBytes?.(buf.length);
    // (a file that grew since it was listed, or a pipe)
    if (buf.length > this.opts.maxLineBytes) {
      return this.problem(limit);
    }
    let start = buf[0] === UTF8_BOM[0] && buf[1] === UTF8_BOM[1] && buf[2] === UTF8_BOM[2] ? 3 : 0;
    let end = buf.length;
    while (start < end && isAsciiSpace(buf[start]!)) {
      start++;
    }
    while (end > start && isAsciiSpace(buf[end - 1]!)) {
      end--;
    }
    // a single resource; else a Bundle split off its bytes; else parsed (too deep: rejected entry by entry)
    const pid = scanPatientId(buf, start, end, MAX_JSON_DEPTH);
    if (typeof pid === 'string') {
      return void this.store(pid, buf, start, end);
    }
    const entries = scanBundle(buf, start, end, MAX_JSON_DEPTH);
    if (!entries) {
      return this.parse(
        buf.toString(
          'utf8',
          buf[0] === UTF8_BOM[0] && buf[1] === UTF8_BOM[1] && buf[2] === UTF8_BOM[2] ? 3 : 0,
          buf.length,
        ),
      );
    }
    const whole = buf;
    // each entry is filed with the line its resource starts on (for pass 2's messages)
    let line = 1;
    let counted = 0;
    const lineOf = (pos: number): number => {
      for (let i = buf.indexOf(10, counted); i !== -1 && i < pos; i = buf.indexOf(10, i + 1)) {
        line++;
      }
      counted = pos;
      return line;
    };
    for (const [i, e] of entries.entries()) {
      if (e.patient === NESTED_TOO_DEEP) {
        this.problem(`Bundle entry[${i}]: nested deeper than ${MAX_JSON_DEPTH} levels: not read`, lineOf(e.start));
      } else if (e.patient !== undefined) {
        this.store(e.patient, whole, e.start, e.end, lineOf(e.start));
      }
      // no patient found off the bytes: parse the entry (a shared resource, or one the scanner declined)
      else {
        await this.parse(
          whole.toString('utf8', e.start, e.end),
          lineOf(e.start),
          `Bundle entry[${i}]: `,
          { buf: whole, start: e.start, end: e.end },
          true,
        );
      }
    }
  }

  /**
   * The reference path: parses one JSON text — an ndjson line, a .json file, or one Bundle entry of
   * a .json file (`where` names it) — starting on line `line` (undefined: a whole file), and files
   * its resources. A text too large to parse safely on this thread is parsed by the large-patient
   * worker; if it exhausts even that heap, it is reported and skipped.
   */
  private parse(
    text: string,
    line?: number,
    where = '',
    raw?: { buf: Buffer; start: number; end: number },
    depthChecked = false,
  ): void | Promise<void> {
    if (this.opts.parseApart && text.length > (this.opts.parseHereMaxBytes ?? Infinity)) {
      return this.opts.parseApart(text, line === undefined).then((split) => {
        if (!split) {
          this.problem(`${where}too large to parse in the memory allowed (--patient-heap-mb): not read`, line);
        } else {
          this.fileResources(split, text, line, where, raw);
        }
      });
    }
    this.fileResources(
      splitText(text, depthChecked ? Infinity : MAX_JSON_DEPTH, line === undefined),
      text,
      line,
      where,
      raw,
    );
  }

  /** Files the resources (and problems) of a parsed text. */
  private fileResources(
    split: SplitText,
    text: string,
    line: number | undefined,
    where: string,
    raw?: { buf: Buffer; start: number; end: number },
  ): void {
    if (split.invalid) {
      const at = split.invalid;
      // a whole .json file: its line and column; an ndjson line or entry: where in the resource
      if (line === undefined) {
        return this.problem(`invalid JSON (column ${at.column}: ${at.reason})`, at.line);
      }
      return this.problem(`${where}invalid JSON (character ${at.offset + 1} of the resource: ${at.reason})`, line);
    }
    for (const m of split.problems) {
      this.problem(`${where}${m}`, line);
    }
    for (const r of split.resources) {
      // the text as read when it is the resource itself, else the resource re-serialised
      const src = r.json === null && raw ? raw : { buf: Buffer.from(r.json ?? text, 'utf8'), start: 0, end: -1 };
      const end = src.end < 0 ? src.buf.length : src.end;
      if (r.patient !== undefined) {
        this.store(r.patient, src.buf, src.start, end, line);
      } else if (r.type === 'Patient') {
        this.problem(`${where}a Patient without an id (nor a fullUrl to take it from): not evaluated`, line);
      } else if (r.id !== undefined && FHIR_ID.test(r.id)) {
        this.input.shared.add(r.type, r.id, src.buf, src.start, end, this.index, line ?? 0);
      }
    }
  }

  /** Files one resource's JSON bytes under its patient. */
  private store(pid: string, src: Uint8Array, start: number, end: number, line?: number): void {
    const r = this.input.shards.add(pid, src, start, end, this.index, line ?? 0);
    if (r === 'patient-now-too-large') {
      this.problem(
        `Patient/${printableId(pid)}: record larger than --max-patient-bytes (${formatBytes(this.opts.maxPatientBytes)}): patient not evaluated`,
        line,
      );
    }
  }
}
