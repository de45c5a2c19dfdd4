/**
 * The slice of fhirclient's `Client` the fetchers use, declared structurally so src/fhir does not
 * import fhirclient (src/smart is its only importer). A real `Client` satisfies it.
 */

/** Request options the fetchers pass (a subset of fhirclient's RequestOptions). */
export interface FhirRequestOptions {
  url: string;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  includeResponse?: boolean;
}

/** The minimum of a fhirclient `Client` needed to search a FHIR server on the patient's behalf. */
export interface FhirRequestClient {
  readonly state: { readonly serverUrl: string };
  /** fhirclient `Client.request`: attaches the bearer token and refreshes it when about to expire. */
  request<T = unknown>(options: FhirRequestOptions, fhirOptions?: { pageLimit?: number; flat?: boolean }): Promise<T>;
}

/** What the fetcher needs to know about granted scopes (src/smart `GrantedScopes` satisfies it). */
export interface ReadPermissions {
  canRead(type: string): boolean;
  readRestrictions?(type: string): string[];
  readScopeName?(type: string): string;
}
