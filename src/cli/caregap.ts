/**
 * `caregap` command line: evaluates the engine's measures, gaps and flags over FHIR files.
 *
 *   caregap evaluate [--period-start YYYY-MM-DD --period-end YYYY-MM-DD] [--measure ID]...
 *                    [--format json|measurereport|summary|csv] [--out FILE] [--as-of YYYY-MM-DD] INPUT...
 *
 * Exit status: 0 all input read; 1 some input unreadable (every readable patient is still
 * evaluated and written; each problem is named on stderr as file:line); 2 usage error (bad period,
 * unknown measure id, unknown option). The CLI (not the engine) reads the clock: the period
 * defaults to the current calendar year.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { evaluatePatient } from '../engine/evaluate-patient.ts';
import { MEASURES } from '../engine/measures/index.ts';
import { GAP_FAMILIES } from '../engine/gaps/index.ts';
import { FLAG_FAMILIES } from '../engine/flags/index.ts';
import { recordFromResources } from '../engine/record.ts';
import type { DayPeriod } from '../engine/types.ts';
import { expandInputs, formatProblem, readFileResources, type InputProblem } from './read-inputs.ts';
import { PatientGroups } from './group-by-patient.ts';
import { CSV_HEADER, FORMATS, SummaryAccumulator, csvRows, measureReportLines, patientJsonLine, type OutputFormat } from './output-formats.ts';

/** Usage text printed by `--help` and on usage errors. */
export const USAGE = `Usage: caregap evaluate [options] INPUT...

Evaluates quality measures, care gaps and risk flags for every patient in the input.

INPUT   a FHIR Bundle JSON file (any type, one or many patients), an ndjson file (one resource
        per line, e.g. a Bulk Data export), a single-resource JSON file, or a directory of any
        of these (recursive: *.json, *.ndjson, *.jsonl)

Options:
  --period-start YYYY-MM-DD   first day of the measurement period (default: Jan 1 of this year)
  --period-end YYYY-MM-DD     last day of the measurement period (default: Dec 31 of this year)
  --measure ID                measure / gap / flag id to evaluate, repeatable (default: all)
  --format FORMAT             json (default, one line per patient) | measurereport (individual
                              MeasureReports, ndjson) | summary (summary MeasureReports) | csv
  --out FILE                  write to FILE instead of standard output
  --as-of YYYY-MM-DD          evaluation date for look-backs (default: the period end)
  -h, --help                  show this help

Exit status: 0 all input read, 1 some input unreadable (named as file:line on stderr;
every readable patient is still written), 2 usage error.`;

/** A usage error: message printed with exit status 2. */
class UsageError extends Error {}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Validates a calendar date `YYYY-MM-DD` (a real day). */
export function isIsoDay(s: string): boolean {
  const m = ISO_DAY.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** Every id `--measure` accepts. */
export function validIds(): { all: string[]; gaps: Set<string>; flags: Set<string> } {
  const gaps = new Set(GAP_FAMILIES.flatMap((g) => [...g.ids]));
  const flags = new Set(FLAG_FAMILIES.flatMap((f) => [...f.ids]));
  return { all: [...new Set(['all', ...MEASURES.map((m) => m.id), ...gaps, ...flags])], gaps, flags };
}

/** Parsed command line. */
export interface EvaluateOptions {
  period: DayPeriod;
  asOf?: string;
  only: string[];
  format: OutputFormat;
  out?: string;
  inputs: string[];
}

/** Parses `evaluate` arguments; throws UsageError on anything invalid. `today` is the CLI clock. */
export function parseEvaluateArgs(args: readonly string[], today: Date): EvaluateOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        'period-start': { type: 'string' },
        'period-end': { type: 'string' },
        measure: { type: 'string', multiple: true },
        format: { type: 'string' },
        out: { type: 'string' },
        'as-of': { type: 'string' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  const year = today.getFullYear();
  const start = v['period-start'] ?? `${year}-01-01`;
  const end = v['period-end'] ?? `${year}-12-31`;
  if ((v['period-start'] === undefined) !== (v['period-end'] === undefined))
    throw new UsageError('give both --period-start and --period-end, or neither (default: the current calendar year)');
  for (const [name, value] of [['--period-start', start], ['--period-end', end], ['--as-of', v['as-of']]] as const)
    if (value !== undefined && !isIsoDay(value)) throw new UsageError(`${name} must be a calendar date YYYY-MM-DD, got "${value}"`);
  if (start > end) throw new UsageError(`--period-start ${start} is after --period-end ${end}`);
  const format = (v.format ?? 'json') as OutputFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown --format "${v.format}"; valid formats: ${FORMATS.join(', ')}`);
  const only = v.measure?.length ? v.measure : ['all'];
  const valid = validIds().all;
  const unknown = only.filter((id) => !valid.includes(id));
  if (unknown.length) throw new UsageError(`unknown measure id${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}; valid ids: ${valid.join(', ')}`);
  if (!parsed.positionals.length) throw new UsageError('no INPUT given');
  return {
    period: { start, end },
    ...(v['as-of'] ? { asOf: v['as-of'] } : {}),
    only,
    format,
    ...(v.out ? { out: v.out } : {}),
    inputs: parsed.positionals,
  };
}

/** Writes lines to a file or stdout, honouring back-pressure. */
class LineWriter {
  private readonly stream: NodeJS.WritableStream;
  constructor(out: string | undefined) {
    this.stream = out ? (createWriteStream(out, { encoding: 'utf8' }) as NodeJS.WritableStream) : process.stdout;
  }
  async line(s: string): Promise<void> {
    if (!this.stream.write(s + '\n')) await new Promise<void>((r) => this.stream.once('drain', () => r()));
  }
  async close(): Promise<void> {
    if (this.stream === process.stdout) return;
    await new Promise<void>((resolve, reject) => {
      (this.stream as WriteStream).once('error', reject);
      (this.stream as WriteStream).end(() => resolve());
    });
  }
}

/** Runs `caregap evaluate`; returns the exit status. */
export async function runEvaluate(opts: EvaluateOptions, stderr: (s: string) => void, now: Date): Promise<number> {
  const problems: InputProblem[] = [];
  const files = await expandInputs(opts.inputs, problems);
  const groups = new PatientGroups();
  for (const f of files) await readFileResources(f, problems, (r) => groups.add(r));

  const { gaps, flags } = validIds();
  const requested = {
    gaps: opts.only.some((id) => id === 'all' || gaps.has(id)),
    flags: opts.only.some((id) => id === 'all' || flags.has(id)),
  };
  const date = now.toISOString();
  const writer = new LineWriter(opts.out);
  const summary = new SummaryAccumulator();
  if (opts.format === 'csv') await writer.line(CSV_HEADER.join(','));
  let evaluated = 0;
  for (const pid of groups.patientIds()) {
    if (!groups.hasPatient(pid)) {
      stderr(`caregap: warning: resources reference Patient/${pid} but no Patient resource was found; skipped`);
      continue;
    }
    const resources = groups.resourcesOf(pid)!;
    const ev = evaluatePatient(recordFromResources(resources), { period: opts.period, only: opts.only, ...(opts.asOf ? { asOf: opts.asOf } : {}) });
    evaluated++;
    if (opts.format === 'json') await writer.line(patientJsonLine(ev, requested));
    else if (opts.format === 'measurereport') for (const l of measureReportLines(ev, date)) await writer.line(l);
    else if (opts.format === 'csv') for (const l of csvRows(ev)) await writer.line(l);
    else summary.add(ev);
  }
  if (opts.format === 'summary') for (const r of summary.reports(opts.period, date)) await writer.line(JSON.stringify(r));
  await writer.close();
  for (const p of problems) stderr(`caregap: ${formatProblem(p)}`);
  if (problems.length) stderr(`caregap: ${problems.length} input problem${problems.length > 1 ? 's' : ''}; ${evaluated} patient${evaluated === 1 ? '' : 's'} evaluated`);
  return problems.length ? 1 : 0;
}

/** Entry point: dispatches the sub-command and maps errors to exit statuses. */
export async function main(argv: readonly string[]): Promise<number> {
  const stderr = (s: string) => process.stderr.write(s + '\n');
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(USAGE + '\n');
    return command ? 0 : 2;
  }
  if (command !== 'evaluate') {
    stderr(`caregap: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  if (rest.includes('-h') || rest.includes('--help')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  try {
    const now = new Date();
    return await runEvaluate(parseEvaluateArgs(rest, now), stderr, now);
  } catch (e) {
    if (e instanceof UsageError) {
      stderr(`caregap: ${e.message}\nRun "caregap --help" for usage.`);
      return 2;
    }
    stderr(`caregap: ${(e as Error).stack ?? String(e)}`);
    return 1;
  }
}
