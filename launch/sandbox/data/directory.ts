/**
 * The sandbox's non-patient resources: the clinicians who sign in (fhirUser), the clinic, and the
 * `Group/attributed` list of attributed patients used by the population view.
 */
import { SYS } from './codes.ts';

/** Practitioner ids; the first is the default signed-in user. */
export const PRACTITIONER_IDS = ['dr-rivera', 'np-chen', 'dr-okafor'] as const;

/** The practitioner who signs in unless a launch says otherwise. */
export const DEFAULT_USER_ID: string = PRACTITIONER_IDS[0];

const PRACTITIONER_NAMES: Record<
  (typeof PRACTITIONER_IDS)[number],
  { given: string; family: string; prefix: string; npi: string }
> = {
  'dr-rivera': { given: 'Ana', family: 'Rivera', prefix: 'Dr.', npi: '1234567893' },
  'np-chen': { given: 'Lily', family: 'Chen', prefix: 'NP', npi: '1245319599' },
  'dr-okafor': { given: 'Chidi', family: 'Okafor', prefix: 'Dr.', npi: '1376609297' },
};

/** The display name of a `Practitioner/<id>` reference to one of the sandbox's clinicians (undefined for others). */
export function practitionerDisplay(reference: string): string | undefined {
  const n = PRACTITIONER_NAMES[reference.replace(/^Practitioner\//, '') as (typeof PRACTITIONER_IDS)[number]];
  return n ? `${n.prefix} ${n.given} ${n.family}` : undefined;
}

/** Practitioners, the clinic Organization and the attributed-patients Group. */
export function directoryResources(patientIds: readonly string[]): fhir4.Resource[] {
  const practitioners: fhir4.Practitioner[] = PRACTITIONER_IDS.map((id) => {
    const n = PRACTITIONER_NAMES[id];
    return {
      resourceType: 'Practitioner',
      id,
      identifier: [{ system: SYS.NPI, value: n.npi }],
      active: true,
      name: [
        {
          use: 'official',
          family: n.family,
          given: [n.given],
          prefix: [n.prefix],
          text: `${n.prefix} ${n.given} ${n.family}`,
        },
      ],
    };
  });
  const org: fhir4.Organization = {
    resourceType: 'Organization',
    id: 'caregap-clinic',
    active: true,
    name: 'Springfield Community Health (sandbox)',
    type: [
      {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/organization-type',
            code: 'prov',
            display: 'Healthcare Provider',
          },
        ],
      },
    ],
  };
  const group: fhir4.Group = {
    resourceType: 'Group',
    id: 'attributed',
    type: 'person',
    actual: true,
    name: 'Attributed patients — Springfield Community Health',
    managingEntity: { reference: 'Organization/caregap-clinic' },
    quantity: patientIds.length,
    member: patientIds.map((id) => ({ entity: { reference: `Patient/${id}` } })),
  };
  return [...practitioners, org, group];
}
