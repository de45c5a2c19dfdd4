/**
 * The resource types the app fetches for a patient's record (besides the Patient itself): what
 * the measures, gaps and flags read. The scope request is derived from this list.
 */

import type { RecordType } from '../engine/index.ts';

/** Types searched by patient, each in its own query so a slow type does not hold the rest. */
export const FETCHED_TYPES = [
  'Condition',
  'Encounter',
  'Observation',
  'Procedure',
  'ServiceRequest',
  'MedicationRequest',
  'QuestionnaireResponse',
  // home hospital beds / patient lifts: the CMS125/CMS130/CMS122/CMS165 frailty exclusion (66+) and the high-needs flag
  'DeviceRequest',
] as const satisfies readonly RecordType[]; // a subset of the engine's record types, so the two lists cannot drift

/** One of {@link FETCHED_TYPES}. */
export type FetchedType = (typeof FETCHED_TYPES)[number];

/**
 * Observation categories searched one by one on servers that require `category` (Epic does):
 * the US Core / FHIR observation-category codes
 * (http://terminology.hl7.org/CodeSystem/observation-category).
 */
export const OBSERVATION_CATEGORIES = [
  'laboratory',
  'vital-signs',
  'social-history',
  'survey',
  'exam',
  'activity',
  'procedure',
  'imaging',
] as const;

/** Code system of {@link OBSERVATION_CATEGORIES}. */
export const OBSERVATION_CATEGORY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/observation-category';

/** Page size asked for; servers may cap it (Epic caps at 1000), so paging still follows `next`. */
export const SEARCH_PAGE_SIZE = 1000;

/** Safety cap on pages per search (1000 × 200 resources is far beyond any one patient). */
export const MAX_PAGES_PER_SEARCH = 200;
