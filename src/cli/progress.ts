/**
 * Progress of a long `caregap evaluate` run on stderr: a bar redrawn in place when stderr is a
 * TTY, otherwise one plain line every interval (default 2 s) so logs stay readable; nothing with
 * `--quiet`. Nothing is printed before the first interval, so short runs stay silent.
 */

/** Where and how to report. */
export interface ProgressOptions {
  write: (s: string) => void;
  tty: boolean;
  quiet: boolean;
  /** Milliseconds between reports (TTY redraws are at most every 100 ms). */
  intervalMs: number;
  /** Clock in milliseconds (injectable for tests). */
  now?: () => number;
}

const BAR_WIDTH = 24;

/** Formats seconds as `42 s` / `3 min 5 s`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** A progress reporter for one phase at a time (reading, then evaluating). */
export class Progress {
  private phase = '';
  private unit = '';
  private total = 0;
  private done = 0;
  private started = 0;
  private last = 0;
  private drawn = false;
  private readonly now: () => number;

  constructor(private readonly o: ProgressOptions) {
    this.now = o.now ?? (() => performance.now());
  }

  /** Starts a phase of `total` units. */
  begin(phase: string, total: number, unit: string): void {
    this.end();
    Object.assign(this, { phase, total, unit, done: 0 });
    this.started = this.last = this.now();
  }

  /** Records `n` more units done. */
  tick(n = 1): void {
    this.done += n;
    if (this.o.quiet) {
      return;
    }
    const t = this.now();
    if (t - this.last < (this.o.tty ? Math.min(100, this.o.intervalMs) : this.o.intervalMs)) {
      return;
    }
    this.last = t;
    this.report(t);
  }

  private report(t: number): void {
    const elapsed = (t - this.started) / 1000;
    const rate = elapsed > 0 ? this.done / elapsed : 0;
    const pct = this.total ? Math.min(1, this.done / this.total) : 0;
    const left = rate > 0 && this.total ? formatDuration((this.total - this.done) / rate) : '?';
    const count =
      this.unit === 'MB'
        ? `${(this.done / 1e6).toFixed(0)} of ${(this.total / 1e6).toFixed(0)} MB`
        : `${this.done} of ${this.total} ${this.unit}`;
    const rateText = this.unit === 'MB' ? `${(rate / 1e6).toFixed(1)} MB/s` : `${rate.toFixed(0)} ${this.unit}/s`;
    if (this.o.tty) {
      const fill = Math.round(pct * BAR_WIDTH);
      this.o.write(
        `\r\x1b[2Kcaregap: ${this.phase} [${'#'.repeat(fill)}${'.'.repeat(BAR_WIDTH - fill)}] ${count} ${rateText}, ${left} left`,
      );
      this.drawn = true;
    } else {
      this.o.write(`caregap: ${this.phase}: ${count} (${Math.round(pct * 100)}%), ${rateText}, about ${left} left\n`);
    }
  }

  /** Ends the phase (clears the TTY bar line). */
  end(): void {
    if (this.drawn) {
      this.o.write('\r\x1b[2K');
    }
    this.drawn = false;
  }
}
