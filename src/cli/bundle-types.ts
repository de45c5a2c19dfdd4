/** Bundle facts the CLI's readers share (http://hl7.org/fhir/R4/bundle.html). */

/** The R4 Bundle.type codes (http://hl7.org/fhir/R4/valueset-bundle-type.html). */
export const BUNDLE_TYPES: readonly string[] = [
  'document',
  'message',
  'transaction',
  'transaction-response',
  'batch',
  'batch-response',
  'history',
  'searchset',
  'collection',
];

/** Bundle types whose entries may carry no resource (a DELETE in a history, an outcome-less response). */
export const BUNDLES_WITHOUT_RESOURCES: readonly string[] = ['history', 'transaction-response', 'batch-response'];

/**
 * Deepest nesting of objects and arrays accepted in one JSON text (an ndjson line or a .json file):
 * FHIR resources nest far less (a Bundle of QuestionnaireResponses with nested items stays under
 * 40); anything deeper is rejected as one unreadable resource before any recursive code sees it.
 */
export const MAX_JSON_DEPTH = 100;
