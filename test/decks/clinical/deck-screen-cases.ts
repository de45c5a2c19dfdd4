/**
 * Clinical deck, issue 12 §4: screening instruments filed as QuestionnaireResponses as well as
 * Observations — suicide risk from PHQ-9 item 9 and C-SSRS forms, depression severity from a
 * PHQ-9 form — and the windows and bands of those flags at their boundaries. Expectations from the
 * instruments' published scoring and the documented risk policy.
 */
import { Chart, SYS, group, type Code } from './deck-builders.ts';
import type { CodeGroup, ExpectedPatient } from './deck-cases.ts';

const L = SYS.loinc;
const POLICY = 'src/engine/config/risk-policy.ts (suicideRisk, severity); src/engine/README.md "Risk flags"';
const PHQ9_ITEMS = ['44250-9', '44255-8', '44259-0', '44254-1', '44251-7', '44258-2', '44252-5', '44253-3', '44260-8'];
const NEARLY_EVERY_DAY: Code = [L, 'LA6571-9', 'Nearly every day'];
const SEVERAL_DAYS: Code = [L, 'LA6569-3', 'Several days'];
const YES: Code = [L, 'LA33-6', 'Yes'];
const NO: Code = [L, 'LA32-8', 'No'];
type Item = { linkId: string; answer: fhir4.QuestionnaireResponseItemAnswer[] };
const coded = (linkId: string, [system, code, display]: Code): Item => ({
  linkId: `/${linkId}`,
  answer: [{ valueCoding: { system, code, display } }],
});
const integer = (linkId: string, value: number): Item => ({ linkId: `/${linkId}`, answer: [{ valueInteger: value }] });

/** A patient seen on 1 Dec 2026 who filled in a form (QuestionnaireResponse) that morning. */
function filled(pid: string, items: readonly Item[], authored = '2026-12-01T10:05:00-05:00'): Chart {
  const c = new Chart(pid, '1980-01-01');
  c.visit('2026-12-01T10:00:00-05:00');
  c.add({
    resourceType: 'QuestionnaireResponse',
    id: c.id('qr'),
    status: 'completed',
    subject: { reference: c.ref },
    authored,
    item: items as fhir4.QuestionnaireResponseItem[],
  } as fhir4.QuestionnaireResponse & { id: string });
  return c;
}
/** A patient seen on 1 Dec 2026 with one Observation. */
function observed(pid: string, code: Code, when: string, value: Code | { value: number; unit: string }): Chart {
  const c = new Chart(pid, '1980-01-01');
  c.visit('2026-12-01T10:00:00-05:00');
  c.observation(code, when, value);
  return c;
}
const ITEM9: Code = [L, '44260-8', 'Thoughts that you would be better off dead, or of hurting yourself in some way'];
const PHQ9_TOTAL: Code = [L, '44261-6', 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]'];
const flag = (id: string, severity: string, boundary: string, firstKind?: string): ExpectedPatient => ({
  boundary,
  flags: { [id]: severity },
  ...(firstKind ? { actions: { order: [id], firstKind } } : {}),
});

/** Screening-instrument groups. */
export const SCREEN_GROUPS: readonly CodeGroup[] = [
  group(
    's70-forms-as-questionnaire-responses',
    '§4',
    {
      title: 'PHQ-9 and C-SSRS filled in as QuestionnaireResponses',
      rule: 'A completed PHQ-9 form is read like its Observations: item 9 answered above "Not at all" (coded or as its 0–3 score) is suicide risk; depression severity is the total item 44261-6 or, without it, the sum of the nine items (27 = severe). A C-SSRS form with "Yes" to past-month suicidal thoughts is current risk; "Yes" to behaviour ever with "No" for the past 3 months is history (moderate).',
      citation: `LOINC 44249-1 PHQ-9 panel (items 44250-9 … 44260-8, total 44261-6; answers LL358-3 scored 0–3; Kroenke 2001 bands: 20–27 severe); C-SSRS screener items 93246-7, 93247-5, 93267-3, 93269-9 (HL7 US Behavioral Health Profiles C-SSRS example); ${POLICY}`,
    },
    [
      filled(
        's70-phq9-form-27',
        PHQ9_ITEMS.map((l) => coded(l, NEARLY_EVERY_DAY)),
      ),
      filled('s70-phq9-form-total-21', [integer('44261-6', 21)]),
      filled('s70-phq9-form-item9-score-2', [integer('44260-8', 2)]),
      filled('s70-cssrs-form-thoughts-yes', [coded('93246-7', YES), coded('93247-5', YES)]),
      filled('s70-cssrs-form-behaviour-history', [coded('93246-7', NO), coded('93267-3', YES), coded('93269-9', NO)]),
    ],
    {
      's70-phq9-form-27': {
        boundary: 'nine items "Nearly every day", no total',
        flags: { 'suicide-risk': 'high', 'depression-severity': 'high' },
        actions: { order: ['suicide-risk', 'depression-severity'], firstKind: 'safety' },
      },
      's70-phq9-form-total-21': flag('depression-severity', 'high', 'total item 21', 'safety'),
      's70-phq9-form-item9-score-2': flag('suicide-risk', 'high', 'item 9 as the score 2', 'safety'),
      's70-cssrs-form-thoughts-yes': flag('suicide-risk', 'high', 'past-month thoughts: Yes', 'safety'),
      's70-cssrs-form-behaviour-history': flag(
        'suicide-risk',
        'moderate',
        'behaviour ever, not in the past 3 months',
        'safety',
      ),
    },
  ),
  group(
    's71-screen-windows-and-bands',
    '§4',
    {
      title: 'Suicide-screen look-back, supersession by a negative C-SSRS, and the PHQ-9 severity bands',
      rule: 'A positive item 9 counts for 365 days before as-of (inclusive) and not on day 366; a negative C-SSRS later the same day is the assessment item 9 called for; PHQ-9 15–19 is moderately severe (moderate), 20 or more severe (high, a safety action), 14 flags nothing.',
      citation: `PHQ-9 severity bands (Kroenke, Spitzer & Williams 2001; LOINC 44261-6: 15–19 moderately severe, 20–27 severe); measures.md §6 (item 9 ≥ 1 → same-day assessment); ${POLICY} lookbackDays 365`,
    },
    [
      observed('s71-item9-365-days', ITEM9, '2025-12-31T10:00:00-05:00', SEVERAL_DAYS),
      observed('s71-item9-366-days', ITEM9, '2025-12-30T10:00:00-05:00', SEVERAL_DAYS),
      (() => {
        const c = observed('s71-item9-then-cssrs-negative', ITEM9, '2026-12-01T10:05:00-05:00', SEVERAL_DAYS);
        c.add({
          resourceType: 'QuestionnaireResponse',
          id: c.id('qr'),
          status: 'completed',
          subject: { reference: c.ref },
          authored: '2026-12-01T10:30:00-05:00',
          item: [coded('93246-7', NO), coded('93247-5', NO)],
        } as fhir4.QuestionnaireResponse & { id: string });
        return c;
      })(),
      ...([14, 15, 19, 20] as const).map((v) =>
        observed(`s71-phq9-total-${v}`, PHQ9_TOTAL, '2026-12-01T10:05:00-05:00', { value: v, unit: '{score}' }),
      ),
    ],
    {
      's71-item9-365-days': flag('suicide-risk', 'high', '365 days before as-of: last day of the look-back', 'safety'),
      's71-item9-366-days': flag('suicide-risk', 'absent', '366 days before as-of'),
      's71-item9-then-cssrs-negative': flag(
        'suicide-risk',
        'absent',
        'negative C-SSRS 25 minutes after the positive item 9',
      ),
      's71-phq9-total-14': flag('depression-severity', 'absent', '14: below moderately severe'),
      's71-phq9-total-15': flag('depression-severity', 'moderate', '15: first moderately severe score'),
      's71-phq9-total-19': flag('depression-severity', 'moderate', '19: last moderately severe score'),
      's71-phq9-total-20': flag('depression-severity', 'high', '20: first severe score', 'safety'),
    },
  ),
];
