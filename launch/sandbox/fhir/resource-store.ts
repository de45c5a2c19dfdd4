/**
 * The sandbox's in-memory FHIR store: resources by type and id, with a patient-compartment index
 * so searches by patient touch only that patient's resources. Insertion order is kept, which gives
 * searches a stable default ordering.
 */

/** Resource types whose resources belong to one patient, with the element that names them. */
export const PATIENT_COMPARTMENT: Readonly<Record<string, string>> = {
  Patient: 'id',
  Condition: 'subject',
  Encounter: 'subject',
  Observation: 'subject',
  Procedure: 'subject',
  ServiceRequest: 'subject',
  MedicationRequest: 'subject',
  QuestionnaireResponse: 'subject',
  DeviceRequest: 'subject',
  AllergyIntolerance: 'patient',
  Immunization: 'patient',
  DiagnosticReport: 'subject',
  CarePlan: 'subject',
  Communication: 'subject',
  Task: 'for',
  DocumentReference: 'subject',
  Flag: 'subject',
  DetectedIssue: 'patient',
  MeasureReport: 'subject',
  Goal: 'subject',
};

/** The patient id a resource belongs to, or undefined when it is not in a patient compartment. */
export function patientOf(resource: fhir4.Resource): string | undefined {
  const element = PATIENT_COMPARTMENT[resource.resourceType];
  if (!element) {
    return undefined;
  }
  if (element === 'id') {
    return resource.id;
  }
  const ref = (resource as unknown as Record<string, fhir4.Reference | undefined>)[element]?.reference;
  const match = ref ? /(?:^|\/)Patient\/([^/]+)$/.exec(ref) : null;
  return match?.[1];
}

/** In-memory FHIR store. */
export class ResourceStore {
  private readonly byType = new Map<string, Map<string, fhir4.Resource>>();
  private readonly byPatient = new Map<string, Map<string, fhir4.Resource[]>>();

  /** Adds or replaces a resource (by type and id). */
  put(resource: fhir4.Resource): void {
    const id = resource.id;
    if (!id) {
      throw new Error(`${resource.resourceType} without id`);
    }
    let table = this.byType.get(resource.resourceType);
    if (!table) {
      this.byType.set(resource.resourceType, (table = new Map()));
    }
    const existing = table.get(id);
    table.set(id, resource);
    const patient = patientOf(resource);
    if (patient === undefined) {
      return;
    }
    let compartment = this.byPatient.get(patient);
    if (!compartment) {
      this.byPatient.set(patient, (compartment = new Map()));
    }
    let list = compartment.get(resource.resourceType);
    if (!list) {
      compartment.set(resource.resourceType, (list = []));
    }
    if (existing) {
      const i = list.indexOf(existing);
      if (i >= 0) {
        list[i] = resource;
      } else {
        list.push(resource);
      }
    } else {
      list.push(resource);
    }
  }

  /** One resource, or undefined. */
  read(type: string, id: string): fhir4.Resource | undefined {
    return this.byType.get(type)?.get(id);
  }

  /** All resources of a type (insertion order). */
  all(type: string): fhir4.Resource[] {
    return [...(this.byType.get(type)?.values() ?? [])];
  }

  /** A patient's resources of one type (insertion order). */
  forPatient(patient: string, type: string): fhir4.Resource[] {
    return [...(this.byPatient.get(patient)?.get(type) ?? [])];
  }

  /** Every resource in a patient's compartment. */
  compartment(patient: string): fhir4.Resource[] {
    return [...(this.byPatient.get(patient)?.values() ?? [])].flat();
  }

  /** Resource types present in the store. */
  types(): string[] {
    return [...this.byType.keys()];
  }
}
