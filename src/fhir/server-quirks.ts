/**
 * Behaviour learned from a FHIR server during this page's lifetime, so the app adapts once and
 * then issues the right searches straight away (no request waits for a failed probe twice).
 */

/** Per-server memo of search quirks, keyed by FHIR base URL. */
export class ServerQuirks {
  readonly #needsCategory = new Set<string>();

  /** True once the server has said Observation searches need a `category` (Epic behaviour). */
  observationNeedsCategory(serverUrl: string): boolean {
    return this.#needsCategory.has(serverUrl.replace(/\/$/, ''));
  }

  /** Records that the server rejected an Observation search without `category`. */
  markObservationNeedsCategory(serverUrl: string): void {
    this.#needsCategory.add(serverUrl.replace(/\/$/, ''));
  }
}

/** The memo shared by the app's fetches (one per browser tab). */
export const defaultServerQuirks = new ServerQuirks();
