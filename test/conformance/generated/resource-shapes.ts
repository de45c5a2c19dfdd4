/**
 * Builders for the generated differential records: FHIR resources whose timing is written in
 * the shapes of random-dates.ts, codes drawn from the project's value sets (which equal the
 * measures' pinned expansions), and statuses that sometimes do not count.
 */
import { HCPCS } from '../../../src/engine/codes/code-systems.ts';
import type { ValueSetDef } from '../../../src/engine/valuesets/value-set.ts';
import { dateText, iso, type DateTextOptions, type Rng } from './random-dates.ts';

/**
 * The HCPCS system as the measure packages write it. The engine also reads the HL7 spelling
 * (`https://…`), which fqm-execution, matching system texts exactly, does not: the records use the
 * packages' spelling so that both engines judge the same codes.
 */
const PACKAGE_HCPCS = 'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets';

/** A CodeableConcept with one code drawn from a value set. */
export function codeFrom(r: Rng, vs: ValueSetDef): fhir4.CodeableConcept {
  const [system, code, display] = r.pick(vs.codes);
  return { coding: [{ system: system === HCPCS ? PACKAGE_HCPCS : system, code, display }] };
}

/** A CodeableConcept of one code. */
export function code(system: string, c: string): fhir4.CodeableConcept {
  return { coding: [{ system, code: c }] };
}

/** A Period on wall-clock days `start`..`end`, sometimes without an end (or a start). */
export function period(r: Rng, start: number, end: number, opts: DateTextOptions = {}): fhir4.Period {
  const p: fhir4.Period = { start: dateText(r, start, opts) };
  const roll = r.next();
  if (roll < 0.05) {
    delete p.start;
  }
  if (roll > 0.04) {
    p.end = dateText(r, end, opts);
  }
  return p;
}

/**
 * A birthDate so that the age on `onDay` is `age` with the birthday on that day, the day before
 * or the day after; a year-only or month-only birthDate now and then.
 */
export function birthDate(r: Rng, age: number, onDay: number): string {
  const on = iso(onDay + r.int(-1, 1));
  const text = `${Number(on.slice(0, 4)) - age}${on.slice(4)}`;
  // Feb 29 in a common year is not a date
  const valid = text.endsWith('-02-29') && Number(text.slice(0, 4)) % 4 !== 0 ? text.replace('-02-29', '-02-28') : text;
  const roll = r.next();
  return roll < 0.06 ? valid.slice(0, 4) : roll < 0.12 ? valid.slice(0, 7) : valid;
}

/** The Patient. */
export function patient(
  id: string,
  birth: string,
  gender: 'female' | 'male',
  extension?: fhir4.Extension[],
): fhir4.Patient {
  return { resourceType: 'Patient', id, birthDate: birth, gender, ...(extension ? { extension } : {}) };
}

/** An Encounter of a type in `vs`, mostly finished. */
export function encounter(
  r: Rng,
  id: string,
  pid: string,
  vs: ValueSetDef,
  start: number,
  end: number,
  extra: Partial<fhir4.Encounter> = {},
): fhir4.Encounter {
  return {
    resourceType: 'Encounter',
    id,
    status: r.chance(0.88) ? 'finished' : r.pick(['in-progress', 'cancelled', 'planned'] as const),
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
    type: [codeFrom(r, vs)],
    subject: { reference: `Patient/${pid}` },
    period: period(r, start, end, { imprecise: r.chance(0.3) }),
    ...extra,
  };
}

const CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const VERIFICATION = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';

/**
 * A Condition coded from `vs`: onset a dateTime (or Period, or none) on `onset`, clinical status
 * active / recurrence / inactive / resolved / absent, sometimes abated on `abatement`, sometimes
 * refuted or entered in error.
 */
export function condition(
  r: Rng,
  id: string,
  pid: string,
  vs: ValueSetDef,
  onset: number,
  abatement?: number,
): fhir4.Condition {
  const c: fhir4.Condition = {
    resourceType: 'Condition',
    id,
    code: codeFrom(r, vs),
    subject: { reference: `Patient/${pid}` },
  };
  const status = r.pick(['active', 'active', 'active', 'recurrence', 'inactive', 'resolved', 'none']);
  if (status !== 'none') {
    c.clinicalStatus = code(CLINICAL, status);
  }
  if (r.chance(0.15)) {
    c.verificationStatus = code(VERIFICATION, r.pick(['confirmed', 'unconfirmed', 'refuted', 'entered-in-error']));
  }
  const o = r.next();
  if (o < 0.7) {
    c.onsetDateTime = dateText(r, onset);
  } else if (o < 0.85) {
    c.onsetPeriod = period(r, onset, onset + r.int(0, 40));
  }
  if (abatement !== undefined && r.chance(0.5)) {
    if (r.chance(0.8)) {
      c.abatementDateTime = dateText(r, abatement);
    } else {
      c.abatementPeriod = period(r, abatement - r.int(0, 3), abatement);
    }
  }
  return c;
}

/** An Observation coded `concept`, effective on `on` (dateTime, Period or instant), mostly final. */
export function observation(
  r: Rng,
  id: string,
  pid: string,
  concept: fhir4.CodeableConcept,
  on: number,
  extra: Partial<fhir4.Observation> = {},
): fhir4.Observation {
  const o: fhir4.Observation = {
    resourceType: 'Observation',
    id,
    status: r.chance(0.88)
      ? r.pick(['final', 'amended', 'corrected'] as const)
      : r.pick(['preliminary', 'cancelled', 'entered-in-error'] as const),
    code: concept,
    subject: { reference: `Patient/${pid}` },
    ...extra,
  };
  const e = r.next();
  if (e < 0.75) {
    o.effectiveDateTime = dateText(r, on);
  } else if (e < 0.9) {
    o.effectivePeriod = period(r, on - r.int(0, 2), on);
  } else {
    o.effectiveInstant = dateText(r, on, { imprecise: false, dateOnly: false });
  }
  return o;
}

/** A completed (mostly) Procedure coded from `vs`, performed on `on` (dateTime or Period). */
export function procedure(r: Rng, id: string, pid: string, vs: ValueSetDef, on: number): fhir4.Procedure {
  const p: fhir4.Procedure = {
    resourceType: 'Procedure',
    id,
    status: r.chance(0.88) ? 'completed' : r.pick(['in-progress', 'not-done', 'entered-in-error'] as const),
    code: codeFrom(r, vs),
    subject: { reference: `Patient/${pid}` },
  };
  if (r.chance(0.7)) {
    p.performedDateTime = dateText(r, on);
  } else {
    p.performedPeriod = period(r, on - r.int(0, 2), on);
  }
  return p;
}
