/**
 * The period-level follow-up measures (issue #15 §1): HEDIS-style, episode-based, population
 * basis Encounter, one group per rate — `fuh` (FUH 7-day / 30-day), `fum` (FUM 7-day / 30-day),
 * `fua` (FUA 7-day / 30-day) and `tcm` (TCM face-to-face 7-day / 14-day). Their logic is the
 * follow-up gaps' episode builder (gaps/follow-up-episodes.ts). NCQA publishes no FHIR Measure
 * for FUH/FUM/FUA, so the canonical URLs are the project's own.
 */
import type { MeasureDefinition } from '../measure-definition.ts';
import { FUH_FAMILY } from '../gaps/fuh-follow-up.ts';
import { FUA_FAMILY, FUM_FAMILY } from '../gaps/ed-follow-up.ts';
import { TCM_FAMILY } from '../gaps/tcm-follow-up.ts';
import { episodeMeasure } from './episode-measure.ts';

/** Canonical URL base of the project's episode measures. */
export const EPISODE_MEASURE_BASE = 'https://caregap.example.org/fhir/Measure';
/** Version of the episode measures' logic. */
export const EPISODE_MEASURE_VERSION = '1.0.0';

/** FUH: follow-up after hospitalization for mental illness, 7- and 30-day rates. */
export const FUH_MEASURE = episodeMeasure({
  id: 'fuh',
  title: 'Follow-Up After Hospitalization for Mental Illness (FUH)',
  url: `${EPISODE_MEASURE_BASE}/fuh`,
  version: EPISODE_MEASURE_VERSION,
  family: FUH_FAMILY,
  indexPeriod: 'hedis',
  // with TCM and the 2-day contact, one discharge need (actions/visit-needs.ts): NEED_PRIORITY.discharge
  action: { priority: 10, steps: { default: { text: 'Follow-up after psychiatric discharge' } } },
});
/** FUM: follow-up after ED visit for mental illness, 7- and 30-day rates. */
export const FUM_MEASURE = episodeMeasure({
  id: 'fum',
  title: 'Follow-Up After Emergency Department Visit for Mental Illness (FUM)',
  url: `${EPISODE_MEASURE_BASE}/fum`,
  version: EPISODE_MEASURE_VERSION,
  family: FUM_FAMILY,
  indexPeriod: 'hedis',
  action: { priority: 20, steps: { default: { text: 'Follow-up after ED visit for mental health' } } },
});
/** FUA: follow-up after ED visit for substance use, 7- and 30-day rates. */
export const FUA_MEASURE = episodeMeasure({
  id: 'fua',
  title: 'Follow-Up After Emergency Department Visit for Substance Use (FUA)',
  url: `${EPISODE_MEASURE_BASE}/fua`,
  version: EPISODE_MEASURE_VERSION,
  family: FUA_FAMILY,
  indexPeriod: 'hedis',
  action: { priority: 30, steps: { default: { text: 'Follow-up after ED visit for substance use' } } },
});
/** TCM: face-to-face visit within 7 and 14 days of a discharge to the community. */
export const TCM_MEASURE = episodeMeasure({
  id: 'tcm',
  title: 'Transitional Care Management Face-to-Face Visit (TCM)',
  url: `${EPISODE_MEASURE_BASE}/tcm`,
  version: EPISODE_MEASURE_VERSION,
  family: TCM_FAMILY,
  indexPeriod: 'window-ends-in-period',
  action: {
    priority: 10,
    steps: {
      default: { text: 'Transitional care visit after discharge' },
      'tcm-contact-2d': { text: 'Contact the patient within 2 business days of discharge' },
    },
  },
});

/** The episode measures, in display order. */
export const EPISODE_MEASURES: readonly MeasureDefinition[] = [FUH_MEASURE, FUM_MEASURE, FUA_MEASURE, TCM_MEASURE];
