/**
 * What counts as a referral or intervention for a positive SDOH domain: a ServiceRequest (active or
 * completed) or Procedure (completed or in progress) that either
 * - carries the domain's Gravity SDOH category (SDOHCC CodeSystem Temporary Codes, e.g.
 *   `food-insecurity`, used in ServiceRequest.category / Procedure.category by the SDOH Clinical
 *   Care IG, http://hl7.org/fhir/us/sdoh-clinicalcare/), or the unspecified SDOH category; or
 * - is coded with a SNOMED CT referral / social-care intervention: the generic ones below count for
 *   every domain, the domain ones for their domain. Codes are those the Gravity project's SDOH-CC
 *   reference implementation offers per domain (an open, documented approximation of the Gravity
 *   intervention value sets).
 */
import { SNOMED } from '../codes/code-systems.ts';
import type { SdohDomain } from '../codes/sdoh-items.ts';
import { hasCode, type CodeRef } from '../fhir/codings.ts';

/** Gravity Project SDOH category code system (SDOH Clinical Care IG). */
export const SDOHCC_TEMPORARY_CODES =
  'http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes';

const sdohcc = (code: string): CodeRef => ({ system: SDOHCC_TEMPORARY_CODES, code });
const sct = (code: string, display: string): CodeRef => ({ system: SNOMED, code, display });

/** The SDOH categories of each screening domain. */
export const SDOH_DOMAIN_CATEGORIES: Readonly<Record<SdohDomain, readonly CodeRef[]>> = {
  food: [sdohcc('food-insecurity')],
  housing: [sdohcc('housing-instability'), sdohcc('homelessness'), sdohcc('inadequate-housing')],
  transportation: [sdohcc('transportation-insecurity')],
  utilities: [sdohcc('utility-insecurity')],
  safety: [sdohcc('intimate-partner-violence'), sdohcc('elder-abuse')],
};

/** The unspecified SDOH category: a social-care referral for any domain. */
export const SDOH_CATEGORY_UNSPECIFIED = sdohcc('sdoh-category-unspecified');

/** Referrals and interventions that address any social need. */
export const GENERIC_SDOH_INTERVENTIONS: readonly CodeRef[] = [
  sct('308440001', 'Referral to social worker (procedure)'),
  sct('410606002', 'Social service procedure (procedure)'),
  sct('464131000124100', 'Referral to community health worker (procedure)'),
  sct('464021000124104', 'Referral to care navigator (procedure)'),
  sct('464011000124107', 'Referral to care manager (procedure)'),
  sct('464001000124109', 'Referral to case manager (procedure)'),
  sct('464161000124109', 'Referral to community resource network program (procedure)'),
  sct('462481000124102', 'Referral to Community Action Agency program (procedure)'),
  sct('462491000124104', 'Referral to benefits enrollment assistance program (procedure)'),
];

/** Domain-specific referrals and interventions. */
export const DOMAIN_SDOH_INTERVENTIONS: Readonly<Record<SdohDomain, readonly CodeRef[]>> = {
  food: [
    sct('713109004', 'Referral to community meals service (procedure)'),
    sct('710925007', 'Provision of food (procedure)'),
    sct('103699006', 'Patient referral to dietitian (procedure)'),
    sct('385767005', 'Meals on wheels provision education (procedure)'),
  ],
  housing: [sct('710911006', 'Referral to housing service (procedure)')],
  transportation: [
    sct('428632005', 'Transportation request (procedure)'),
    sct('410365006', 'Transportation case management (procedure)'),
  ],
  utilities: [],
  safety: [],
};

/** ServiceRequest statuses of a referral that was made. */
export const REFERRAL_STATUSES: readonly string[] = ['active', 'completed'];
/** Procedure statuses of an intervention that took place. */
export const INTERVENTION_STATUSES: readonly string[] = ['completed', 'in-progress'];

/** Whether a ServiceRequest / Procedure (category and code) addresses the domain. */
export function addressesDomain(
  domain: SdohDomain,
  category: fhir4.CodeableConcept | readonly fhir4.CodeableConcept[] | undefined,
  code: fhir4.CodeableConcept | undefined,
): boolean {
  const categories = [...SDOH_DOMAIN_CATEGORIES[domain], SDOH_CATEGORY_UNSPECIFIED];
  if (categories.some((c) => hasCode(category, c))) {
    return true;
  }
  return [...GENERIC_SDOH_INTERVENTIONS, ...DOMAIN_SDOH_INTERVENTIONS[domain]].some((c) => hasCode(code, c));
}
