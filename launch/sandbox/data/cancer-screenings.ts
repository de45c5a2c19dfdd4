/**
 * Colorectal and breast cancer screening histories for age-eligible generated patients, coded from
 * the CMS130 / CMS125 value sets, so both measures have patients met (a colonoscopy within ten
 * years, a FIT this year, an sDNA-FIT within three years, a mammogram since October two years ago)
 * and not met (never screened, or screened too long ago).
 */
import type { SeededRandom } from '../seeded-random.ts';
import { OBS_CAT, SCREENING } from './codes.ts';
import { type ChartWriter, clinicTime, concept } from './resource-builders.ts';

/** Youngest age (on the anchor day) given colorectal screening history (USPSTF: from 45). */
export const COLORECTAL_MIN_AGE = 45;
/** Youngest age given mammography history (USPSTF: from 40). */
export const MAMMOGRAPHY_MIN_AGE = 40;
/** Share of women 40+ with a mammogram in the last ~2.5 years (some fall outside the CMS125 window). */
const MAMMOGRAM_SHARE = 0.6;

/** Adds colorectal and breast screening history to one patient. */
export function cancerScreenings(
  w: ChartWriter,
  rng: SeededRandom,
  p: { age: number; female: boolean; anchorDay: number; yearStartDay: number },
): void {
  if (p.age >= COLORECTAL_MIN_AGE) {
    colorectal(w, rng, p.anchorDay, p.yearStartDay);
  }
  if (p.female && p.age >= MAMMOGRAPHY_MIN_AGE && rng.chance(MAMMOGRAM_SHARE)) {
    const day = p.anchorDay - rng.int(20, 950);
    w.observation(OBS_CAT.IMAGING, SCREENING.MAMMOGRAM, clinicTime(day, 10), {
      valueCodeableConcept: concept(SCREENING.NEGATIVE),
    });
  }
}

function colorectal(w: ChartWriter, rng: SeededRandom, anchorDay: number, yearStartDay: number): void {
  const r = rng.next();
  if (r < 0.3) {
    // up to twelve years ago: the ones older than ten no longer count
    w.procedure(
      [SCREENING.COLONOSCOPY_CPT, SCREENING.COLONOSCOPY_SNOMED],
      clinicTime(anchorDay - rng.int(60, 12 * 365), 8),
    );
  } else if (r < 0.45) {
    // a FIT counts only in the measurement year: some were done this year, some last year
    const thisYear = anchorDay - 1 >= yearStartDay && rng.chance(0.7);
    const day = thisYear ? rng.int(yearStartDay, anchorDay - 1) : yearStartDay - rng.int(1, 300);
    w.observation(OBS_CAT.LABORATORY, SCREENING.FIT, clinicTime(day, 9), {
      valueCodeableConcept: concept(SCREENING.NEGATIVE),
    });
  } else if (r < 0.52) {
    w.observation(OBS_CAT.LABORATORY, SCREENING.SDNA_FIT, clinicTime(anchorDay - rng.int(30, 4 * 365), 9), {
      valueCodeableConcept: concept(SCREENING.NEGATIVE),
    });
  }
}
