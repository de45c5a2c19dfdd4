/**
 * The `caregap evaluate` command line: its usage text and the parsed, validated options. Usage
 * errors are {@link UsageError}s (exit status 2).
 */
import { readFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import {
  MEASURES,
  GAP_FAMILIES,
  FLAG_FAMILIES,
  OVERRIDABLE_GAP_POLICY_FIELDS,
  validateGapPolicyOverride,
  type DayPeriod,
  type GapPolicyOverride,
} from '../engine/index.ts';
import { FORMATS, type OutputFormat } from './output-formats.ts';

/** Default longest ndjson line / largest .json file (bytes). */
export const DEFAULT_MAX_LINE_BYTES = 64 * 2 ** 20;
/** Default largest patient record (bytes of JSON). */
export const DEFAULT_MAX_PATIENT_BYTES = 64 * 2 ** 20;
/** Default heap for evaluating one large record (MB): a quarter of the machine's memory, 512 to 4096. */
export const DEFAULT_PATIENT_HEAP_MB = Math.max(512, Math.min(4096, Math.floor(totalmem() / 2 ** 20 / 4)));

/** Usage text printed by `--help` and on usage errors. */
export const USAGE = `Usage: caregap evaluate [options] INPUT...

Evaluates quality measures, care gaps and risk flags for every patient in the input.

INPUT   a FHIR Bundle JSON file (any type, one or many patients), an ndjson file (one resource
        per line), a single-resource JSON file, or a directory of any of these (recursive:
        *.json, *.ndjson, *.jsonl) such as a FHIR Bulk Data export (Patient.ndjson,
        Observation.ndjson, ...). Symbolic links are followed, to files and directories; each
        directory and file is read once, so link loops end. Resources that belong to no patient
        (Medication, Practitioner, Organization, Location, ...) are kept once and given to every
        patient that references them; urn:uuid: references resolve. Input is streamed: memory
        does not grow with the number of patients. Patients are written in the order of the
        Patient file(s), then first seen.

Options:
  --period-start YYYY-MM-DD   first day of the measurement period (default: Jan 1 of this year)
  --period-end YYYY-MM-DD     last day of the measurement period (default: Dec 31 of this year)
  --measure ID                measure / gap / flag id to evaluate, repeatable (default: all)
  --format FORMAT             json (default, one line per patient) | measurereport (individual
                              MeasureReports, ndjson) | summary (summary MeasureReports, one per
                              measure, stratified by attributed clinician) | csv (patient ×
                              measure / gap table) | gaps (one DEQM gaps-in-care Bundle per
                              patient, ndjson) | worklist (CSV, one row per open gap still
                              closable: name, birth date, MRN, phone, clinician, gap, due date,
                              days left; sorted by due date then risk)
  --out FILE                  write to FILE instead of standard output (checked before any input
                              is read)
  --as-of YYYY-MM-DD          evaluation date (default: the period end); inside the period,
                              nothing dated later counts (the record as it stood that day)
  --gap-policy FILE           the organisation's care-gap day counts: a JSON object of positive
                              whole numbers, e.g. {"screeningLookbackDays": 10, "sdohFollowUpDays":
                              45}; fields: ${OVERRIDABLE_GAP_POLICY_FIELDS.slice(0, 3).join(', ')},
                              ${OVERRIDABLE_GAP_POLICY_FIELDS.slice(3, 6).join(', ')},
                              ${OVERRIDABLE_GAP_POLICY_FIELDS.slice(6).join(', ')}
                              (others are an error; the measures keep their published rules)
  --jobs N                    evaluate on N threads, the main one + N-1 workers (default 1; same
                              output for any N; use the number of cores)
  --max-line-bytes SIZE       skip (and report as file:line) an ndjson line, or a .json file,
                              larger than SIZE without holding it in memory (default 64M)
  --max-patient-bytes SIZE    skip (and report) a patient whose resources total more than SIZE of
                              JSON (default 64M)
  --patient-heap-mb N         heap for evaluating one large record (over 8M of JSON, or one that
                              outgrew an ordinary thread); a record needing more is reported and
                              skipped while the others go on (default ${DEFAULT_PATIENT_HEAP_MB}, a quarter of memory)
  --quiet                     no progress on stderr (default: a bar on a terminal, else a line
                              every --progress-interval seconds, default 2)
  --progress-interval SECONDS seconds between progress lines when stderr is not a terminal
  --stats                     print patients, seconds, patients/s, MB/s and peak RSS on stderr (JSON)
  -h, --help                  show this help

SIZE is a number of bytes with an optional K, M or G suffix (binary: 64M = 64 MiB).
The temporary copy of the input (memory beyond 64M of input, else one file in TMPDIR) is created
0600 in a 0700 folder and unlinked at once: nothing is left behind however the run ends.

Exit status: 0 all input read, 1 some input unreadable or skipped (named as file:line on stderr,
by position and reason, never quoting the input; every readable patient is still written),
2 usage error (including an --out that cannot be written), 130/143 interrupted (SIGINT/SIGTERM).

Also: caregap export --help   (pull a FHIR Bulk Data export from an EHR into a folder)`;

/** A usage error: message printed with exit status 2. */
export class UsageError extends Error {}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Validates a calendar date `YYYY-MM-DD` (a real day). */
export function isIsoDay(s: string): boolean {
  const m = ISO_DAY.exec(s);
  if (!m) {
    return false;
  }
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** Every id `--measure` accepts. */
export function validIds(): { all: string[]; gaps: Set<string>; flags: Set<string> } {
  const gaps = new Set(GAP_FAMILIES.flatMap((g) => [...g.ids]));
  const flags = new Set(FLAG_FAMILIES.flatMap((f) => [...f.ids]));
  return { all: [...new Set(['all', ...MEASURES.map((m) => m.id), ...gaps, ...flags])], gaps, flags };
}

/** Bytes of a SIZE argument (`1048576`, `512K`, `64M`, `1G`; binary units), or undefined when invalid. */
export function parseSize(s: string): number | undefined {
  const m = /^(\d+)\s*([KMG])?(?:i?B)?$/i.exec(s.trim());
  if (!m) {
    return undefined;
  }
  const n = Number(m[1]) * 2 ** ({ K: 10, M: 20, G: 30 }[(m[2] ?? '').toUpperCase() as 'K'] ?? 0);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/** Parsed command line. */
export interface EvaluateOptions {
  period: DayPeriod;
  asOf?: string;
  only: string[];
  format: OutputFormat;
  out?: string;
  inputs: string[];
  jobs: number;
  quiet: boolean;
  stats: boolean;
  /** Milliseconds between non-TTY progress lines. */
  progressIntervalMs: number;
  maxLineBytes: number;
  maxPatientBytes: number;
  patientHeapMb: number;
  /** The organisation's gap day counts (`--gap-policy FILE`), validated. */
  gapPolicy?: GapPolicyOverride;
}

/** Reads and validates a `--gap-policy` file; every problem is a UsageError naming the file and field. */
export function readGapPolicy(path: string): GapPolicyOverride {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`--gap-policy ${path}: cannot read: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(`--gap-policy ${path}: not JSON`);
  }
  try {
    return validateGapPolicyOverride(value);
  } catch (e) {
    throw new UsageError(`--gap-policy ${path}: ${(e as Error).message}`);
  }
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
        jobs: { type: 'string' },
        quiet: { type: 'boolean' },
        stats: { type: 'boolean' },
        'progress-interval': { type: 'string' },
        'max-line-bytes': { type: 'string' },
        'max-patient-bytes': { type: 'string' },
        'patient-heap-mb': { type: 'string' },
        'gap-policy': { type: 'string' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  const year = today.getFullYear();
  const start = v['period-start'] ?? `${year}-01-01`;
  const end = v['period-end'] ?? `${year}-12-31`;
  if ((v['period-start'] === undefined) !== (v['period-end'] === undefined)) {
    throw new UsageError('give both --period-start and --period-end, or neither (default: the current calendar year)');
  }
  for (const [name, value] of [
    ['--period-start', start],
    ['--period-end', end],
    ['--as-of', v['as-of']],
  ] as const) {
    if (value !== undefined && !isIsoDay(value)) {
      throw new UsageError(`${name} must be a calendar date YYYY-MM-DD, got "${value}"`);
    }
  }
  if (start > end) {
    throw new UsageError(`--period-start ${start} is after --period-end ${end}`);
  }
  const format = (v.format ?? 'json') as OutputFormat;
  if (!FORMATS.includes(format)) {
    throw new UsageError(`unknown --format "${v.format}"; valid formats: ${FORMATS.join(', ')}`);
  }
  const only = v.measure?.length ? v.measure : ['all'];
  const valid = validIds().all;
  const unknown = only.filter((id) => !valid.includes(id));
  if (unknown.length) {
    throw new UsageError(
      `unknown measure id${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}; valid ids: ${valid.join(', ')}`,
    );
  }
  const jobs = Number(v.jobs ?? '1');
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) {
    throw new UsageError(`--jobs must be a whole number from 1 to 64, got "${v.jobs}"`);
  }
  const interval = Number(v['progress-interval'] ?? '2');
  if (!Number.isFinite(interval) || interval <= 0) {
    throw new UsageError(`--progress-interval must be a positive number of seconds, got "${v['progress-interval']}"`);
  }
  const size = (name: 'max-line-bytes' | 'max-patient-bytes', fallback: number): number => {
    if (v[name] === undefined) {
      return fallback;
    }
    const n = parseSize(v[name]);
    if (n === undefined) {
      throw new UsageError(`--${name} must be a size such as 1048576, 512K, 64M or 1G, got "${v[name]}"`);
    }
    return n;
  };
  const heap = Number(v['patient-heap-mb'] ?? DEFAULT_PATIENT_HEAP_MB);
  if (!Number.isInteger(heap) || heap < 16) {
    throw new UsageError(
      `--patient-heap-mb must be a whole number of megabytes, at least 16, got "${v['patient-heap-mb']}"`,
    );
  }
  if (!parsed.positionals.length) {
    throw new UsageError('no INPUT given');
  }
  const gapPolicy = v['gap-policy'] === undefined ? undefined : readGapPolicy(v['gap-policy']);
  return {
    period: { start, end },
    ...(v['as-of'] ? { asOf: v['as-of'] } : {}),
    only,
    format,
    ...(v.out ? { out: v.out } : {}),
    inputs: parsed.positionals,
    jobs,
    quiet: v.quiet ?? false,
    stats: v.stats ?? false,
    progressIntervalMs: interval * 1000,
    maxLineBytes: size('max-line-bytes', DEFAULT_MAX_LINE_BYTES),
    maxPatientBytes: size('max-patient-bytes', DEFAULT_MAX_PATIENT_BYTES),
    patientHeapMb: heap,
    ...(gapPolicy ? { gapPolicy } : {}),
  };
}
