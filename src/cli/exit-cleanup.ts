/**
 * What `caregap evaluate` undoes however it ends: on a normal return, a fatal error, an uncaught
 * exception, and on SIGINT / SIGTERM / SIGHUP (Ctrl-C, `kill`, a closed terminal) — the temporary
 * store holding a copy of the input (PHI) is disposed, the progress line cleared, the output file
 * closed. A signal then ends the process with 128 + the signal's number (130 for Ctrl-C).
 * Clean-up tasks are synchronous: a signal handler cannot wait.
 */
import { constants } from 'node:os';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** The clean-up tasks of one run and the handlers that run them. */
export class ExitCleanup {
  private readonly tasks: (() => void)[] = [];
  private ending = false;
  private readonly onSignal = (signal: NodeJS.Signals) => {
    // the same signal may come twice (from the terminal and from a parent passing it on)
    if (this.ending) {
      return;
    }
    this.ending = true;
    this.run();
    this.stderr(`caregap: interrupted (${signal}); temporary files removed`);
    process.exit(128 + (constants.signals[signal] ?? 1));
  };
  private readonly onFatal = (e: unknown) => {
    this.run();
    this.stderr(`caregap: fatal error: ${(e as Error)?.stack ?? String(e)}`);
    process.exit(1);
  };
  private readonly onExit = () => this.run();

  constructor(private readonly stderr: (s: string) => void) {
    for (const s of SIGNALS) {
      process.on(s, this.onSignal);
    }
    process.on('uncaughtException', this.onFatal);
    process.on('unhandledRejection', this.onFatal);
    process.on('exit', this.onExit);
  }

  /** Adds a task (run once, most recent first). */
  add(task: () => void): void {
    this.tasks.push(task);
  }

  /** Runs every task once (each failure ignored: the others still run). */
  run(): void {
    for (const t of this.tasks.splice(0).reverse()) {
      try {
        t();
      } catch {
        // keep cleaning up
      }
    }
  }

  /** Runs the tasks and removes the handlers (the run is over). */
  dispose(): void {
    this.run();
    for (const s of SIGNALS) {
      process.off(s, this.onSignal);
    }
    process.off('uncaughtException', this.onFatal);
    process.off('unhandledRejection', this.onFatal);
    process.off('exit', this.onExit);
  }
}
