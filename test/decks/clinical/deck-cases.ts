/**
 * The clinical deck's case groups: on disk (test/decks/clinical/cases/<group>/: the input files as
 * a user would hand them to the CLI — a FHIR Bundle `*.json`, or Bulk Data `*.ndjson` files — and
 * `expected.json`) or built in code (deck-*-cases.ts: the same files written to a temporary folder
 * for the run). Expectations are written by hand from the rules (README.md lists every case); this
 * module only reads and writes them, it never computes one.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of the cases. */
export const CASES_DIR = join(dirname(fileURLToPath(import.meta.url)), 'cases');

/** Populations of a patient-based measure, by their eCQM abbreviations. */
export interface ExpectedPopulations {
  IPP: number;
  DENOM: number;
  DENEX: number;
  DENEXCEP?: number;
  NUMER: number;
}

/** [initial population, denominator, denominator exclusion, numerator] of one rate of an episode measure. */
export type EpisodeCounts = [number, number, number, number];

/** What the actions of one patient must show (ids match an action's source, gaps or flags). */
export interface ExpectedActions {
  /** Exact number of actions. */
  count?: number;
  /** The first actions, in this order, answer these ids. */
  order?: string[];
  /** Some action answers each of these ids. */
  include?: string[];
  /** No action answers any of these ids. */
  exclude?: string[];
  /** No action's text contains any of these. */
  excludeText?: string[];
  /** Kind of the first action. */
  firstKind?: string;
  /** Missed windows (apart from the actions) answer these gap ids. */
  missed?: string[];
}

/** Expected results of one patient: only what is named is checked. */
export interface ExpectedPatient {
  /** Which side of a window this patient sits on (day before / of / after), when the rule has one. */
  boundary?: string;
  measures?: Record<string, ExpectedPopulations | Record<string, EpisodeCounts>>;
  /** Gap id → status, or status and due day. */
  gaps?: Record<string, string | { status: string; due?: string }>;
  /** Flag id → severity (`high`, `moderate`, `info`), `present`, or `absent`. */
  flags?: Record<string, string>;
  actions?: ExpectedActions;
  /** true: the result says the patient has died (and has no actions); false: it does not. */
  deceased?: boolean;
  /** Resource types that must not be named by any data issue (valid data is not flagged). */
  noIssuesFor?: string[];
  /**
   * A documented disagreement with fqm-execution (README.md "Where fqm-execution differs"): the
   * populations fqm-execution gives instead, and why the deck keeps the rule's answer. The
   * comparison then checks fqm-execution still gives exactly these, so a change on either side shows.
   */
  fqmDiffers?: { measure: string; populations: Partial<ExpectedPopulations>; error?: true; why: string };
}

/** One case's expected file. */
export interface ExpectedCase {
  /** Issue 12 item: §1 … §5. */
  item: '§1' | '§2' | '§3' | '§4' | '§5';
  title: string;
  /** The rule, in a sentence or two. */
  rule: string;
  /** Where the rule is written: CQL definition + library, or the HEDIS / CMS / ICD-10-CM source. */
  citation: string;
  /** The reading chosen where the rule is ambiguous or surprising. */
  reading?: string;
  patients: Record<string, ExpectedPatient>;
}

/** A case group built in code: its expectations and its input files (name → content). */
export interface CodeGroup extends ExpectedCase {
  id: string;
  files: Record<string, string>;
}

/** One case group: its folder, input files and expectations (each patient is one case). */
export interface DeckCase {
  id: string;
  dir: string;
  inputs: string[];
  expected: ExpectedCase;
}

const INPUT = /\.(ndjson|jsonl)$|^(?!expected\.json$).*\.json$/;

/** Writes code-built groups to `<root>/<id>/` and returns them as cases. */
export function materialize(groups: readonly CodeGroup[], root: string): DeckCase[] {
  return groups.map(({ id, files, ...expected }) => {
    const dir = join(root, id);
    mkdirSync(dir, { recursive: true });
    const inputs = Object.entries(files).map(([name, text]) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    });
    return { id, dir, inputs, expected };
  });
}

/** Every case group: those on disk, then the code-built ones written under a fresh temporary folder. */
export function loadCases(groups: readonly CodeGroup[] = []): { cases: DeckCase[]; tempDir: string } {
  const tempDir = mkdtempSync(join(tmpdir(), 'caregap-clinical-deck-'));
  const cases = [...diskCases(), ...materialize(groups, tempDir)];
  return { cases: cases.sort((a, b) => a.id.localeCompare(b.id)), tempDir };
}

/** The case groups on disk, sorted by id. */
function diskCases(): DeckCase[] {
  return readdirSync(CASES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((id) => {
      const dir = join(CASES_DIR, id);
      const files = readdirSync(dir).sort();
      const inputs = files.filter((f) => INPUT.test(f)).map((f) => join(dir, f));
      const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as ExpectedCase;
      return { id, dir, inputs, expected };
    });
}

/** The eCQMs fqm-execution judges, by engine id, with their measure folder in ../shared/conformance. */
export const ECQMS: Record<string, string> = {
  cms2: 'CMS2FHIRPCSDepressionScreenAndFollowUp',
  cms165: 'CMS165FHIRControllingHighBloodPressure',
  cms122: 'CMS122FHIRDiabetesAssessGreaterThan9Percent',
  cms130: 'CMS130FHIRColorectalCancerScreening',
  cms125: 'CMS125FHIRBreastCancerScreening',
};
