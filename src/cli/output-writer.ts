/**
 * Where `caregap evaluate` writes its results: a file (`--out`, opened before any input is read,
 * so an unusable path fails at once with exit status 2) or standard output. Back-pressure is
 * honoured; a write error (disk full, a closed pipe) is kept and makes the next write throw
 * {@link OutputError}, so the run stops (and cleans up) instead of evaluating into the void.
 */
import { createWriteStream, openSync, type WriteStream } from 'node:fs';

/** The output cannot be written (reason: the system's error code); `atOpen`: `--out` could not even be opened. */
export class OutputError extends Error {
  constructor(
    message: string,
    readonly atOpen = false,
  ) {
    super(message);
  }
}

/** A line-oriented writer of the run's output. */
export class OutputWriter {
  private failed: Error | undefined;

  private constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly isFile: boolean,
    private readonly name: string,
  ) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      this.failed ??= new OutputError(`cannot write ${name}: ${e.code ?? 'write error'}`);
    });
  }

  /** Opens `--out` now (created or truncated), or standard output; throws OutputError when the file cannot be opened. */
  static open(out: string | undefined): OutputWriter {
    if (out === undefined) {
      return new OutputWriter(process.stdout, false, 'standard output');
    }
    let fd: number;
    try {
      fd = openSync(out, 'w');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'error';
      const why = code === 'EISDIR' ? ' (it is a directory)' : code === 'ENOENT' ? ' (its folder does not exist)' : '';
      throw new OutputError(`cannot write --out ${out}: ${code}${why}`, true);
    }
    return new OutputWriter(createWriteStream('', { fd, encoding: 'utf8' }), true, `--out ${out}`);
  }

  /** Writes text (whole lines, each ending in a newline); throws OutputError once the output has failed. */
  async write(text: string): Promise<void> {
    if (this.failed) {
      throw this.failed;
    }
    if (this.stream.write(text)) {
      return;
    }
    await new Promise<void>((resolve) => {
      const done = () => {
        this.stream.off('drain', done);
        this.stream.off('error', done);
        resolve();
      };
      this.stream.once('drain', done);
      this.stream.once('error', done);
    });
    if (this.failed) {
      throw this.failed;
    }
  }

  /** Flushes and closes a file (standard output stays open); throws OutputError if anything failed. */
  async close(): Promise<void> {
    if (this.isFile && !this.failed) {
      await new Promise<void>((resolve) => {
        (this.stream as WriteStream).once('error', () => resolve());
        (this.stream as WriteStream).end(() => resolve());
      });
    }
    if (this.failed) {
      throw this.failed;
    }
  }

  /** Closes a file without waiting (a signal or fatal error is ending the run). */
  abort(): void {
    if (this.isFile) {
      (this.stream as WriteStream).destroy();
    }
  }
}
