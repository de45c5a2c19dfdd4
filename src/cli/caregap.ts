/**
 * `caregap` command line: evaluates the engine's measures, gaps and flags over FHIR files.
 *
 *   caregap evaluate [--period-start YYYY-MM-DD --period-end YYYY-MM-DD] [--measure ID]...
 *                    [--format json|measurereport|summary|csv|gaps|worklist] [--out FILE] [--as-of YYYY-MM-DD]
 *                    [--jobs N] [--max-line-bytes SIZE] [--max-patient-bytes SIZE]
 *                    [--patient-heap-mb N] [--quiet] [--stats] INPUT...
 *
 * Exit status: 0 all input read; 1 some input unreadable or skipped (every readable patient is
 * still evaluated and written; each problem is named on stderr as file:line); 2 usage error (bad
 * period, unknown measure id, unknown option, an --out that cannot be written); 128 + signal when
 * interrupted. The CLI (not the engine) reads the clock: the period defaults to the current
 * calendar year. Built once into dist/cli/caregap.js (build-cli.mjs) and started by caregap.mjs.
 */
import { USAGE, UsageError, parseEvaluateArgs } from './cli-options.ts';
import { isMemoryLimitedChild, runWithMemoryLimits, wantsMemoryLimits, watchParent } from './memory-limits.ts';
import { OutputError, OutputWriter } from './output-writer.ts';
import { ProblemLog } from './problem-log.ts';
import { expandInputs } from './read-inputs.ts';
import { runEvaluate } from './run-evaluate.ts';

export { USAGE, isIsoDay, parseEvaluateArgs, validIds, type EvaluateOptions } from './cli-options.ts';

/** Total size of the inputs (the run itself reports any path it cannot read). */
async function inputBytesOf(paths: readonly string[]): Promise<number> {
  return (await expandInputs(paths, new ProblemLog())).reduce((n, f) => n + f.size, 0);
}

/** Entry point: dispatches the sub-command and maps errors to exit statuses. */
export async function main(argv: readonly string[]): Promise<number> {
  const stderr = (s: string) => process.stderr.write(s + '\n');
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(USAGE + '\n');
    return command ? 0 : 2;
  }
  if (command === 'export') {
    return (await import('./export/export-command.ts')).exportMain(rest);
  }
  if (command !== 'evaluate') {
    stderr(`caregap: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  if (rest.includes('-h') || rest.includes('--help')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  let opts;
  const now = new Date();
  try {
    opts = parseEvaluateArgs(rest, now);
  } catch (e) {
    if (!(e instanceof UsageError)) {
      throw e;
    }
    stderr(`caregap: ${e.message}\nRun "caregap --help" for usage.`);
    return 2;
  }
  try {
    // --out is opened before any input is looked at: an unusable path fails at once (exit 2)
    const writer = OutputWriter.open(opts.out);
    if (isMemoryLimitedChild()) {
      watchParent();
    }
    // a large input runs again in a child with memory limits (memory-limits.ts)
    if (wantsMemoryLimits(await inputBytesOf(opts.inputs))) {
      writer.abort();
      return await runWithMemoryLimits(argv);
    }
    return await runEvaluate(opts, writer, stderr, now);
  } catch (e) {
    // an --out that cannot be opened is a usage error; one that fails later (disk full, closed pipe) ends the run
    if (e instanceof OutputError) {
      stderr(`caregap: ${e.message}`);
      return e.atOpen ? 2 : 1;
    }
    stderr(`caregap: fatal error: ${(e as Error).stack ?? String(e)}`);
    return 1;
  }
}
