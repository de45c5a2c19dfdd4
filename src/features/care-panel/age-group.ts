/**
 * CMS2's tool split by age at the start of the measurement period: 12–16 adolescent tools only,
 * 17 either, 18+ adult (../shared/design/measures.md §1.2). The panel writes the adolescent result
 * code below 17 and the adult code from 17 on (17 counts either way).
 */
import { ageInYearsOn, epochDay, type DayPeriod } from '../../engine/index.ts';
import type { ScreeningAgeGroup } from '../../fhir/write-back-depression.ts';

/** First age at which the adult screening result code is written. */
export const ADULT_CODE_FROM_AGE = 17;

/** The age group of the patient for the CMS2 result code (adult when the age is unknown). */
export function screeningAgeGroup(birthDate: string | undefined, period: DayPeriod): ScreeningAgeGroup {
  const age = ageInYearsOn(birthDate, epochDay(period.start));
  return age !== undefined && age < ADULT_CODE_FROM_AGE ? 'adolescent' : 'adult';
}
