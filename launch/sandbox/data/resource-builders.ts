/**
 * Builders for US-Core-like resources (no meta.profile, categories as real EHRs send them) used by
 * the panel generator and the named patients. A `ChartWriter` owns one patient's resource list and
 * hands out stable, patient-prefixed ids so the same seed always yields the same ids.
 */
import { COND_CAT, ENC_CLASS, INSTRUMENT, OBS_CAT, SYS, type Code, type Diagnosis, type Medication } from './codes.ts';

const DAY_MS = 86_400_000;

/** Epoch day (UTC) of a YYYY-MM-DD date. */
export function dayOfIso(iso: string): number {
  return Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);
}

/** YYYY-MM-DD of an epoch day. */
export function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** A local clinic timestamp (US Eastern standard offset) on an epoch day at hh:mm. */
export function clinicTime(day: number, hour: number, minute = 0): string {
  return `${isoOfDay(day)}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00-05:00`;
}

/** A CodeableConcept from codes (first one's display as text). */
export function concept(...codes: Code[]): fhir4.CodeableConcept {
  return {
    coding: codes.map((c) => ({ system: c.system, code: c.code, display: c.display })),
    text: codes[0]?.display ?? '',
  };
}

/** Accumulates one patient's resources with deterministic ids. */
export class ChartWriter {
  /** Everything written so far, in creation order. */
  readonly resources: fhir4.Resource[] = [];
  private readonly counters = new Map<string, number>();

  constructor(
    /** Patient id (also the id prefix). */
    readonly patientId: string,
    /** Reference to the responsible practitioner. */
    readonly practitionerRef: string,
  ) {}

  /** Next stable id for a resource type, e.g. `pt-0001-obs-12`. */
  nextId(prefix: string): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${this.patientId}-${prefix}-${n}`;
  }

  /** Adds a resource and returns it. */
  add<T extends fhir4.Resource>(resource: T): T {
    this.resources.push(resource);
    return resource;
  }

  /** Subject reference. */
  get subject(): fhir4.Reference {
    return { reference: `Patient/${this.patientId}` };
  }

  /** An outpatient/ED/inpatient encounter. `endDay` defaults to the same day. */
  encounter(
    kind: 'AMB' | 'EMER' | 'IMP',
    type: Code,
    startDay: number,
    opts: {
      endDay?: number;
      hour?: number;
      diagnoses?: Diagnosis[];
      reason?: Diagnosis;
      dischargeDisposition?: Code;
      admitSource?: Code;
    } = {},
  ): fhir4.Encounter {
    const hour = opts.hour ?? 9;
    const end = opts.endDay ?? startDay;
    const enc: fhir4.Encounter = {
      resourceType: 'Encounter',
      id: this.nextId('enc'),
      status: 'finished',
      class: { ...ENC_CLASS[kind] },
      type: [concept(type)],
      subject: this.subject,
      participant: [{ individual: { reference: this.practitionerRef } }],
      period: {
        start: clinicTime(startDay, hour),
        end: clinicTime(end, kind === 'IMP' ? 11 : hour, kind === 'IMP' ? 0 : 40),
      },
    };
    if (opts.reason) {
      enc.reasonCode = [concept(opts.reason.icd, opts.reason.snomed)];
    }
    if (kind === 'IMP') {
      enc.hospitalization = {
        dischargeDisposition: concept(
          opts.dischargeDisposition ?? {
            system: 'http://terminology.hl7.org/CodeSystem/discharge-disposition',
            code: 'home',
            display: 'Home',
          },
        ),
      };
      if (opts.admitSource) {
        enc.hospitalization.admitSource = concept(opts.admitSource);
      }
    }
    this.add(enc);
    if (opts.diagnoses?.length) {
      enc.diagnosis = opts.diagnoses.map((d, i) => {
        const cond = this.condition(d, startDay, 'encounter-diagnosis', enc.id);
        return {
          condition: { reference: `Condition/${cond.id}` },
          use: concept({
            system: SYS.DIAGNOSIS_ROLE,
            code: i === 0 ? 'DD' : 'CM',
            display: i === 0 ? 'Discharge diagnosis' : 'Comorbidity diagnosis',
          }),
          rank: i + 1,
        };
      });
    }
    return enc;
  }

  /** A problem-list or encounter-diagnosis Condition. */
  condition(
    d: Diagnosis,
    onsetDay: number,
    category: 'problem-list-item' | 'encounter-diagnosis' = 'problem-list-item',
    encounterId?: string,
  ): fhir4.Condition {
    const cond: fhir4.Condition = {
      resourceType: 'Condition',
      id: this.nextId('cond'),
      clinicalStatus: concept({ system: SYS.COND_CLINICAL, code: 'active', display: 'Active' }),
      verificationStatus: concept({ system: SYS.COND_VERIFICATION, code: 'confirmed', display: 'Confirmed' }),
      category: [concept(category === 'problem-list-item' ? COND_CAT.PROBLEM_LIST : COND_CAT.ENCOUNTER_DX)],
      code: concept(d.icd, d.snomed),
      subject: this.subject,
      onsetDateTime: isoOfDay(onsetDay),
      recordedDate: clinicTime(onsetDay, 10),
    };
    if (encounterId) {
      cond.encounter = { reference: `Encounter/${encounterId}` };
    }
    return this.add(cond);
  }

  /** A survey/lab/vital Observation shell. */
  observation(
    category: Code | Code[],
    code: Code,
    at: string,
    value: Partial<fhir4.Observation>,
    encounterId?: string,
  ): fhir4.Observation {
    const cats = Array.isArray(category) ? category : [category];
    const obs: fhir4.Observation = {
      resourceType: 'Observation',
      id: this.nextId('obs'),
      status: 'final',
      category: cats.map((c) => concept(c)),
      code: concept(code),
      subject: this.subject,
      effectiveDateTime: at,
      issued: at.length > 10 ? at.replace(/:00-05:00$/, ':30-05:00') : undefined,
      performer: [{ reference: this.practitionerRef }],
      ...value,
    };
    if (obs.issued === undefined) {
      delete obs.issued;
    }
    if (encounterId) {
      obs.encounter = { reference: `Encounter/${encounterId}` };
    }
    return this.add(obs);
  }

  /** A scored survey total (PHQ-2/PHQ-9/GAD-7). */
  score(code: Code, at: string, score: number, encounterId?: string): fhir4.Observation {
    return this.observation(
      OBS_CAT.SURVEY,
      code,
      at,
      { valueQuantity: { value: score, unit: '{score}', system: SYS.UCUM, code: '{score}' } },
      encounterId,
    );
  }

  /** A coded answer (PHQ-9 item 9, CMS2 screening result, SDOH item). */
  answer(category: Code | Code[], question: Code, at: string, answer: Code, encounterId?: string): fhir4.Observation {
    return this.observation(category, question, at, { valueCodeableConcept: concept(answer) }, encounterId);
  }

  /** A blood-pressure panel with systolic/diastolic components. */
  bloodPressure(
    at: string,
    systolic: number,
    diastolic: number,
    encounterId: string | undefined,
    codes: { panel: Code; sys: Code; dia: Code },
  ): fhir4.Observation {
    const mmHg = (v: number): fhir4.Quantity => ({ value: v, unit: 'mmHg', system: SYS.UCUM, code: 'mm[Hg]' });
    return this.observation(
      OBS_CAT.VITAL_SIGNS,
      codes.panel,
      at,
      {
        component: [
          { code: concept(codes.sys), valueQuantity: mmHg(systolic) },
          { code: concept(codes.dia), valueQuantity: mmHg(diastolic) },
        ],
      },
      encounterId,
    );
  }

  /** A laboratory result with a UCUM quantity. */
  lab(code: Code, at: string, value: number, unit: string, ucum: string, encounterId?: string): fhir4.Observation {
    return this.observation(
      OBS_CAT.LABORATORY,
      code,
      at,
      { valueQuantity: { value, unit, system: SYS.UCUM, code: ucum } },
      encounterId,
    );
  }

  /** A referral / order. */
  serviceRequest(
    code: Code,
    authored: string,
    reason?: Diagnosis,
    status: fhir4.ServiceRequest['status'] = 'active',
  ): fhir4.ServiceRequest {
    const sr: fhir4.ServiceRequest = {
      resourceType: 'ServiceRequest',
      id: this.nextId('sr'),
      status,
      intent: 'order',
      category: [concept({ system: SYS.SNOMED, code: '3457005', display: 'Patient referral' })],
      code: concept(code),
      subject: this.subject,
      authoredOn: authored,
      requester: { reference: this.practitionerRef },
    };
    if (reason) {
      sr.reasonCode = [concept(reason.icd)];
    }
    return this.add(sr);
  }

  /** A performed procedure (e.g. psychotherapy); several codes = one concept coded in several systems. */
  procedure(code: Code | Code[], performed: string, encounterId?: string): fhir4.Procedure {
    const p: fhir4.Procedure = {
      resourceType: 'Procedure',
      id: this.nextId('proc'),
      status: 'completed',
      code: concept(...(Array.isArray(code) ? code : [code])),
      subject: this.subject,
      performedDateTime: performed,
    };
    if (encounterId) {
      p.encounter = { reference: `Encounter/${encounterId}` };
    }
    return this.add(p);
  }

  /** A durable-medical-equipment order (e.g. a home hospital bed). */
  deviceRequest(code: Code, authored: string, status: fhir4.DeviceRequest['status'] = 'active'): fhir4.DeviceRequest {
    return this.add({
      resourceType: 'DeviceRequest',
      id: this.nextId('devreq'),
      status,
      intent: 'order',
      codeCodeableConcept: concept(code),
      subject: this.subject,
      authoredOn: authored,
      requester: { reference: this.practitionerRef },
    });
  }

  /** An outpatient prescription. */
  medicationRequest(
    m: Medication,
    authored: string,
    status: fhir4.MedicationRequest['status'] = 'active',
  ): fhir4.MedicationRequest {
    return this.add({
      resourceType: 'MedicationRequest',
      id: this.nextId('medrx'),
      status,
      intent: 'order',
      category: [concept({ system: SYS.MED_REQUEST_CATEGORY, code: 'outpatient', display: 'Outpatient' })],
      medicationCodeableConcept: concept(m.code),
      subject: this.subject,
      authoredOn: authored,
      requester: { reference: this.practitionerRef },
      dosageInstruction: [
        {
          text: `Take 1 ${m.doseUnit} by mouth daily`,
          timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
          doseAndRate: [{ doseQuantity: { value: 1, unit: m.doseUnit } }],
        },
      ],
      dispenseRequest: { numberOfRepeatsAllowed: 3, quantity: { value: 30, unit: m.doseUnit } },
    });
  }

  /** A completed questionnaire response (screening form), linked by canonical. */
  questionnaireResponse(
    questionnaire: string,
    authored: string,
    items: fhir4.QuestionnaireResponseItem[],
  ): fhir4.QuestionnaireResponse {
    return this.add({
      resourceType: 'QuestionnaireResponse',
      id: this.nextId('qr'),
      questionnaire,
      status: 'completed',
      subject: this.subject,
      authored,
      author: { reference: this.practitionerRef },
      item: items,
    });
  }
}

/** The instruments a PHQ-9 screen writes, re-exported for generators. */
export const PHQ = INSTRUMENT;
