/**
 * The sandbox's CapabilityStatement (`GET /metadata`), with the SMART security extension that
 * pre-2.0 clients read to find the OAuth endpoints.
 */
import { SERVED_TYPES } from '../auth/smart-configuration.ts';

const SEARCH_PARAMS: Record<string, string[]> = {
  Observation: ['patient', 'subject', 'category', 'code', 'date', 'status', '_id'],
  Condition: ['patient', 'subject', 'category', 'code', 'clinical-status', 'date', '_id'],
  Encounter: ['patient', 'subject', 'class', 'type', 'date', 'status', '_id'],
  Procedure: ['patient', 'subject', 'code', 'date', 'status', '_id'],
  ServiceRequest: ['patient', 'subject', 'category', 'code', 'date', 'status', '_id'],
  MedicationRequest: ['patient', 'subject', 'code', 'date', 'status', 'intent', '_id'],
  QuestionnaireResponse: ['patient', 'subject', 'date', 'status', '_id'],
  DeviceRequest: ['patient', 'subject', 'code', 'date', 'status', 'intent', '_id'],
  Patient: ['_id', 'identifier', 'name', 'family', 'given', 'birthdate', 'gender'],
};

/** Bulk Data Access IG 2.0.0 canonical URLs (CapabilityStatement and the three export operations). */
const BULK = 'http://hl7.org/fhir/uv/bulkdata';
const BULK_OPERATIONS: Record<string, string> = {
  Patient: `${BULK}/OperationDefinition/patient-export`,
  Group: `${BULK}/OperationDefinition/group-export`,
};

/** CapabilityStatement for one FHIR base (with the Bulk Data `$export` operations when offered). */
export function capabilityStatement(
  origin: string,
  fhirBase: string,
  date: string,
  bulkExport = false,
): fhir4.CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    ...(bulkExport ? { instantiates: [`${BULK}/CapabilityStatement/bulk-data`] } : {}),
    status: 'active',
    date,
    kind: 'instance',
    software: { name: 'CareGap Panel sandbox EHR', version: '0.1.0' },
    implementation: { description: 'Local development and test EHR (synthetic data only)', url: fhirBase },
    fhirVersion: '4.0.1',
    format: ['json'],
    rest: [
      {
        mode: 'server',
        security: {
          cors: true,
          service: [
            {
              coding: [
                { system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'SMART-on-FHIR' },
              ],
            },
          ],
          extension: [
            {
              url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
              extension: [
                { url: 'authorize', valueUri: `${origin}/auth/authorize` },
                { url: 'token', valueUri: `${origin}/auth/token` },
              ],
            },
          ],
        },
        resource: SERVED_TYPES.map((type) => ({
          type,
          interaction: [{ code: 'read' }, { code: 'search-type' }, { code: 'create' }],
          conditionalCreate: true,
          searchParam: (SEARCH_PARAMS[type] ?? ['patient', '_id']).map((name) => ({
            name,
            type:
              name === 'date' || name === 'birthdate'
                ? 'date'
                : name === 'patient' || name === 'subject'
                  ? 'reference'
                  : 'token',
          })),
          ...(bulkExport && BULK_OPERATIONS[type]
            ? { operation: [{ name: 'export', definition: BULK_OPERATIONS[type] }] }
            : {}),
        })),
        ...(bulkExport ? { operation: [{ name: 'export', definition: `${BULK}/OperationDefinition/export` }] } : {}),
      },
    ],
  };
}
