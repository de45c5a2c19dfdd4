/**
 * Memory limits of `caregap evaluate`. An ordinary input (up to {@link LARGE_INPUT_BYTES}) runs in
 * this process as it is: no second process, nothing to pay at start. A large one (a Bulk export
 * of thousands of patients) streams for seconds to minutes with only a few batches of patients
 * live, but V8 grows its heap lazily, well beyond what is live, and glibc gives every thread its
 * own malloc arena: so it runs once more, in a child process with a capped old generation, a small
 * young generation and two malloc arenas (peak RSS flat at ≈ 190 MB for --jobs 1, ≈ 270 MB for
 * --jobs 2, measured on 10,000 patients / 462 MB). The child does all the work, the parent only
 * waits, passing signals on. Set your own --max-old-space-size (NODE_OPTIONS) to skip this.
 */
import { spawn } from 'node:child_process';
import { getHeapStatistics } from 'node:v8';

/** Input size from which the run re-executes itself with memory limits. */
export const LARGE_INPUT_BYTES = 64 * 2 ** 20;
/**
 * Old-generation cap (MB) of the child's main thread (one batch of ≤ 50 patients / 4 MB is live;
 * a larger record goes to the large-patient worker). --jobs 2, json, 10,000 patients: 96 peaked at
 * 289–304 MB RSS, 64 at 268 MB, same CPU within the noise of a loaded machine.
 */
const OLD_SPACE_MB = 64;
/** Young-generation semi-space (MB) of the child: parse garbage dies young (8 MB measured best: 4 costs ~15% CPU, 16 ~30 MB RSS). */
const SEMI_SPACE_MB = 8;
/** glibc malloc arenas of the child (unless MALLOC_ARENA_MAX is set): --jobs 2 peak RSS 290–299 → 269–280 MB, same speed. */
const MALLOC_ARENAS = 2;
/** Marks the child, so that it never re-executes itself again. */
const CHILD_ENV = 'CAREGAP_MEMORY_LIMITED';

/** Whether this process is the memory-limited child of another caregap process. */
export const isMemoryLimitedChild = (): boolean => process.env[CHILD_ENV] === '1';

/**
 * In the child: ends the run as on SIGTERM (temporary store disposed) if the parent disappears
 * (killed with SIGKILL, which it cannot pass on): a run nobody waits for must not go on.
 */
export function watchParent(): void {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) {
      process.kill(process.pid, 'SIGTERM');
    }
  }, 1000).unref();
}

/** Whether this process should run a run of `inputBytes` of input again, with memory limits. */
export function wantsMemoryLimits(inputBytes: number): boolean {
  if (isMemoryLimitedChild()) {
    return false;
  }
  const own = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes('max-old-space-size'));
  return !own && inputBytes >= LARGE_INPUT_BYTES;
}

/** Runs this command again in a memory-limited child; resolves with its exit status (128 + signal if it was killed). */
export function runWithMemoryLimits(argv: readonly string[]): Promise<number> {
  const script = process.argv[1]!;
  const child = spawn(
    process.execPath,
    [
      `--max-old-space-size=${OLD_SPACE_MB}`,
      `--max-semi-space-size=${SEMI_SPACE_MB}`,
      ...process.execArgv,
      script,
      ...argv,
    ],
    {
      stdio: 'inherit',
      env: { MALLOC_ARENA_MAX: String(MALLOC_ARENAS), ...process.env, [CHILD_ENV]: '1' },
    },
  );
  // Ctrl-C reaches the child through the terminal's process group; a signal sent to this process alone is passed on
  const pass = (signal: NodeJS.Signals) => child.kill(signal);
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const s of signals) {
    process.on(s, pass);
  }
  return new Promise((resolve) => {
    child.on('error', (e) => {
      process.stderr.write(
        `caregap: cannot start a memory-limited run: ${(e as NodeJS.ErrnoException).code ?? 'error'}\n`,
      );
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      for (const s of signals) {
        process.off(s, pass);
      }
      resolve(code ?? (signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : signal === 'SIGHUP' ? 129 : 137));
    });
  });
}

/**
 * JSON bytes from which a patient is evaluated apart, in the large-patient worker: 8 MB, less when
 * this thread's heap is capped (≈ 1/40 of it: parsing and evaluating a record takes 10–20× its
 * JSON), so an ordinary patient can never exhaust the main thread's heap.
 */
export function largePatientBytes(): number {
  return Math.min(8 * 2 ** 20, Math.floor(getHeapStatistics().heap_size_limit / 40));
}
