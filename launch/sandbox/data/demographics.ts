/**
 * Patient demographics for the synthetic panel: names, birth dates, addresses, identifiers. Names
 * are drawn from short, deliberately ordinary lists; nothing here is a real person.
 */
import { SEX_EXTENSION, SYS } from './codes.ts';
import type { SeededRandom } from '../seeded-random.ts';
import { isoOfDay } from './resource-builders.ts';
import { practitionerDisplay } from './directory.ts';

const GIVEN_FEMALE = [
  'Maria',
  'Aisha',
  'Emily',
  'Grace',
  'Lucia',
  'Hannah',
  'Mei',
  'Olivia',
  'Fatima',
  'Rosa',
  'Nora',
  'Priya',
  'Keisha',
  'Elena',
  'Chloe',
  'Yuki',
] as const;
const GIVEN_MALE = [
  'James',
  'Mateo',
  'Darnell',
  'Wei',
  'Samuel',
  'Omar',
  'Lucas',
  'Ethan',
  'Andre',
  'Diego',
  'Raj',
  'Tomasz',
  'Kwame',
  'Noah',
  'Liam',
  'Hiro',
] as const;
const FAMILY = [
  'Garcia',
  'Johnson',
  'Nguyen',
  'Okafor',
  'Smith',
  'Patel',
  'Kowalski',
  'Hernandez',
  'Brown',
  'Kim',
  'Williams',
  'Haddad',
  'Lopez',
  'Chen',
  'Davis',
  'Moreno',
  'Ibrahim',
  'Walker',
  'Rossi',
  'Mensah',
] as const;
const STREETS = [
  'Maple Ave',
  'Oak St',
  'Cedar Ln',
  'Elm St',
  'River Rd',
  'Hillcrest Dr',
  'Park Pl',
  'Lakeview Blvd',
] as const;

/** What the generator decides about a person before writing the Patient resource. */
export interface Person {
  id: string;
  given: string;
  family: string;
  gender: 'female' | 'male';
  birthDate: string;
  mrn: string;
}

/** Draws a random adult (18–85 on the anchor day). */
export function drawPerson(rng: SeededRandom, id: string, anchorDay: number, mrn: string): Person {
  const gender = rng.chance(0.54) ? 'female' : 'male';
  const given = rng.pick(gender === 'female' ? GIVEN_FEMALE : GIVEN_MALE);
  const ageDays = rng.int(18 * 365 + 5, 85 * 365);
  return { id, given, family: rng.pick(FAMILY), gender, birthDate: isoOfDay(anchorDay - ageDays), mrn };
}

/** The Patient resource for a person. */
export function patientResource(p: Person, rng: SeededRandom, practitionerRef: string): fhir4.Patient {
  return {
    resourceType: 'Patient',
    id: p.id,
    extension: [
      { url: SEX_EXTENSION.BIRTH_SEX_URL, valueCode: SEX_EXTENSION.BIRTH_SEX[p.gender] },
      { url: SEX_EXTENSION.SEX_URL, valueCode: SEX_EXTENSION.SEX[p.gender] },
    ],
    identifier: [
      {
        use: 'usual',
        type: {
          coding: [
            { system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR', display: 'Medical Record Number' },
          ],
          text: 'MRN',
        },
        system: SYS.MRN,
        value: p.mrn,
      },
    ],
    active: true,
    name: [{ use: 'official', family: p.family, given: [p.given], text: `${p.given} ${p.family}` }],
    telecom: [{ system: 'phone', value: `555-01${String(rng.int(0, 99)).padStart(2, '0')}`, use: 'mobile' }],
    gender: p.gender,
    birthDate: p.birthDate,
    address: [
      {
        use: 'home',
        line: [`${rng.int(10, 9999)} ${rng.pick(STREETS)}`],
        city: 'Springfield',
        state: 'MA',
        postalCode: `011${String(rng.int(0, 99)).padStart(2, '0')}`,
        country: 'US',
      },
    ],
    communication: [
      {
        language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'en-US', display: 'English (United States)' }] },
        preferred: true,
      },
    ],
    // EHRs send the clinician's name with the reference (Epic, Cerner): the population view shows it
    generalPractitioner: [
      {
        reference: practitionerRef,
        ...(practitionerDisplay(practitionerRef) ? { display: practitionerDisplay(practitionerRef) } : {}),
      },
    ],
    managingOrganization: { reference: 'Organization/caregap-clinic' },
  };
}
