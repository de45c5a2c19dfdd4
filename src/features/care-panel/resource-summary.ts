/**
 * One line per FHIR resource for the evidence drawer: type, date, code display and value, read
 * defensively (any field may be absent or of the wrong type). Everything returned is a plain
 * string that the UI renders as text — never as HTML, never `text.div`.
 */
import { systemName } from './plain-language.ts';

/** What the drawer shows about one resource. */
export interface ResourceSummary {
  reference: string;
  type: string;
  date?: string;
  /** The display name of the code (the clinician's words first). */
  code?: string;
  /** The codes themselves, "ICD-10-CM R45.851" (the drawer is where codes belong). */
  codes?: string;
  value?: string;
  status?: string;
}

type Loose = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/** Display of a CodeableConcept: text, else first coding display, else system|code. */
export function conceptText(concept: unknown): string | undefined {
  if (!concept || typeof concept !== 'object') {
    return undefined;
  }
  const c = concept as Loose;
  const text = str(c.text);
  if (text) {
    return text;
  }
  const codings = Array.isArray(c.coding) ? (c.coding as Loose[]) : [];
  for (const coding of codings) {
    const d = str(coding?.display);
    if (d) {
      return d;
    }
  }
  const first = codings[0];
  return first ? codeText(first) : undefined;
}

/** One coding as "ICD-10-CM R45.851" (the system's short name, else its URI without the scheme). */
function codeText(coding: Loose | undefined): string | undefined {
  const code = str(coding?.code);
  if (!code) {
    return undefined;
  }
  const system = str(coding?.system);
  return [system ? (systemName(system) ?? system.replace(/^https?:\/\//, '')) : undefined, code]
    .filter(Boolean)
    .join(' ');
}

/** The codes of a CodeableConcept (at most two), for the evidence drawer. */
export function conceptCodes(concept: unknown): string | undefined {
  const codings =
    concept && typeof concept === 'object' && Array.isArray((concept as Loose).coding)
      ? ((concept as Loose).coding as Loose[])
      : [];
  const texts = codings.map(codeText).filter((t): t is string => !!t);
  return texts.length ? texts.slice(0, 2).join(', ') : undefined;
}

/** A Quantity as "7.9 %" / "14 {score}" without the braces of UCUM annotations. */
function quantityText(q: unknown): string | undefined {
  if (!q || typeof q !== 'object') {
    return undefined;
  }
  const v = (q as Loose).value;
  if (typeof v !== 'number') {
    return undefined;
  }
  const unit = str((q as Loose).unit) ?? str((q as Loose).code);
  const clean = unit?.replace(/^\{.*\}$/, '');
  return clean ? `${v} ${clean}` : String(v);
}

/** The value[x] of an Observation (or of one of its components). */
function valueText(o: Loose): string | undefined {
  return (
    quantityText(o.valueQuantity) ??
    conceptText(o.valueCodeableConcept) ??
    str(o.valueString) ??
    (typeof o.valueInteger === 'number' ? String(o.valueInteger) : undefined) ??
    (typeof o.valueBoolean === 'boolean' ? (o.valueBoolean ? 'yes' : 'no') : undefined) ??
    str(o.valueDateTime)
  );
}

/** Components (e.g. blood pressure 120/80) joined. */
function componentsText(o: Loose): string | undefined {
  if (!Array.isArray(o.component)) {
    return undefined;
  }
  const parts = (o.component as Loose[])
    .map((c) => {
      const v = c && typeof c === 'object' ? valueText(c) : undefined;
      const name = conceptText(c?.code);
      return v ? `${name ? `${name} ` : ''}${v}` : undefined;
    })
    .filter((s): s is string => !!s);
  return parts.length ? parts.join('; ') : undefined;
}

/** Start of a Period, or a dateTime. */
function periodStart(p: unknown): string | undefined {
  return p && typeof p === 'object' ? (str((p as Loose).start) ?? str((p as Loose).end)) : undefined;
}

/** The clinically relevant date of a resource of any type. */
export function resourceDate(r: Loose): string | undefined {
  return (
    str(r.effectiveDateTime) ??
    periodStart(r.effectivePeriod) ??
    str(r.performedDateTime) ??
    periodStart(r.performedPeriod) ??
    str(r.authoredOn) ??
    str(r.authored) ??
    periodStart(r.period) ??
    str(r.onsetDateTime) ??
    periodStart(r.onsetPeriod) ??
    str(r.recordedDate) ??
    str(r.issued) ??
    str(r.date)
  );
}

/** The CodeableConcept that names a resource (Encounter: its type; MedicationRequest: its medication). */
function namingConcept(r: Loose): unknown {
  if (r.resourceType === 'Encounter') {
    return Array.isArray(r.type) ? (r.type as unknown[])[0] : undefined;
  }
  if (r.resourceType === 'MedicationRequest') {
    return r.medicationCodeableConcept;
  }
  return r.code;
}

/** The code of a resource of any type (Encounter: type, else class). */
function resourceCodeText(r: Loose): string | undefined {
  if (r.resourceType === 'Encounter') {
    const types = Array.isArray(r.type) ? (r.type as unknown[]) : [];
    const cls =
      r.class && typeof r.class === 'object'
        ? (str((r.class as Loose).display) ?? str((r.class as Loose).code))
        : undefined;
    return conceptText(types[0]) ?? cls;
  }
  if (r.resourceType === 'MedicationRequest') {
    return conceptText(r.medicationCodeableConcept) ?? str((r.medicationReference as Loose | undefined)?.display);
  }
  if (r.resourceType === 'QuestionnaireResponse') {
    return str(r.questionnaire);
  }
  return conceptText(r.code);
}

/** Summarises one resource for display. */
export function summariseResource(resource: unknown, reference: string): ResourceSummary {
  const r = resource && typeof resource === 'object' ? (resource as Loose) : {};
  const type = str(r.resourceType) ?? reference.split('/')[0] ?? 'Resource';
  const date = resourceDate(r);
  const code = resourceCodeText(r);
  const codes = conceptCodes(namingConcept(r));
  const value = r.resourceType === 'Observation' ? (valueText(r) ?? componentsText(r)) : undefined;
  const status = str(r.status);
  return {
    reference,
    type,
    ...(date ? { date } : {}),
    ...(code ? { code } : {}),
    ...(codes && codes !== code ? { codes } : {}),
    ...(value ? { value } : {}),
    ...(status ? { status } : {}),
  };
}

/** Finds `Type/id` in a record's resources (undefined when the reference points nowhere). */
export function findResource(resources: Partial<Record<string, readonly unknown[]>>, reference: string): unknown {
  const [type, id] = reference.split('/');
  if (!type || !id) {
    return undefined;
  }
  return resources[type]?.find((r) => (r as Loose | undefined)?.id === id);
}
