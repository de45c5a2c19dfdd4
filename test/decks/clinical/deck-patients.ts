/**
 * Each deck patient's resources as a FHIR server would hold them after taking the case's input
 * — the form the reference engine (fqm-execution) is given, one Bundle per patient. Written for
 * the test, independently of the engine's own input code, so the two can disagree:
 *  - a transaction's POST entries without an id take it from their `urn:uuid:` fullUrl, and every
 *    reference to a fullUrl (or, in ndjson, `urn:uuid:<id>`) becomes `Type/id`, as the server
 *    rewrites them on commit; absolute and versioned references become `Type/id` too;
 *  - a resource belongs to the patient its `subject` / `patient` names; one whose subject is a
 *    Group or a Device belongs to no patient (issue 12 §5: it is not the patient's);
 *  - resources with no patient reference at all (Medication, Practitioner, Organization …) are
 *    shared: every patient's Bundle gets them, as fqm-execution resolves references inside it.
 */
import { readFileSync } from 'node:fs';

type Json = Record<string, unknown>;
type Entry = { fullUrl?: string; resource: Json };

function entriesOf(file: string): Entry[] {
  const text = readFileSync(file, 'utf8');
  if (/\.(ndjson|jsonl)$/.test(file)) {
    return text
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => ({ resource: JSON.parse(l) as Json }));
  }
  const json = JSON.parse(text) as Json;
  if (json.resourceType !== 'Bundle') {
    return [{ resource: json }];
  }
  return ((json.entry as Entry[] | undefined) ?? []).filter((e) => e.resource);
}

const TYPE_ID = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

/** Rewrites every `reference` under `value` with `resolve` (deep, in place on a copy). */
function rewrite(value: unknown, resolve: (ref: string) => string): unknown {
  if (Array.isArray(value)) {
    return value.map((v) => rewrite(v, resolve));
  }
  if (!value || typeof value !== 'object') {
    return value;
  }
  const out: Json = {};
  for (const [k, v] of Object.entries(value as Json)) {
    out[k] = k === 'reference' && typeof v === 'string' ? resolve(v) : rewrite(v, resolve);
  }
  return out;
}

/** The patient a resource names (`Patient/<id>`), `null` when it names a non-patient subject, `undefined` when none. */
function ownerOf(r: Json): string | null | undefined {
  if (r.resourceType === 'Patient') {
    return `Patient/${String(r.id)}`;
  }
  for (const field of ['subject', 'patient', 'beneficiary']) {
    const ref = (r[field] as { reference?: string } | undefined)?.reference;
    if (typeof ref === 'string') {
      return ref.startsWith('Patient/') ? ref : null;
    }
  }
  return undefined;
}

/** Each patient's resources (Patient first), by patient id, from a case's input files. */
export function patientResources(files: readonly string[]): Map<string, Json[]> {
  const entries = files.flatMap(entriesOf);
  const byUrl = new Map<string, string>();
  for (const e of entries) {
    if (!e.resource.id && e.fullUrl?.startsWith('urn:uuid:')) {
      e.resource = { ...e.resource, id: e.fullUrl.slice('urn:uuid:'.length) };
    }
    const key = `${String(e.resource.resourceType)}/${String(e.resource.id)}`;
    if (e.fullUrl) {
      byUrl.set(e.fullUrl, key);
    }
    byUrl.set(`urn:uuid:${String(e.resource.id)}`, key);
  }
  const resolve = (ref: string) =>
    byUrl.get(ref) ?? (TYPE_ID.exec(ref) ? `${TYPE_ID.exec(ref)![1]}/${TYPE_ID.exec(ref)![2]}` : ref);
  const resources = entries.map((e) => rewrite(e.resource, resolve) as Json);
  const shared = resources.filter((r) => ownerOf(r) === undefined);
  const out = new Map<string, Json[]>();
  for (const p of resources.filter((r) => r.resourceType === 'Patient')) {
    const ref = `Patient/${String(p.id)}`;
    out.set(String(p.id), [p, ...resources.filter((r) => r !== p && ownerOf(r) === ref), ...shared]);
  }
  return out;
}
