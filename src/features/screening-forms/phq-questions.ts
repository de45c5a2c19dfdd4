/** PHQ-9 questions as read to the patient, with their LOINC item codes (PHQ-2 = the first two). */
import { PHQ9_ITEMS } from '../../engine/index.ts';

/** Patient-facing wording of the nine items (Kroenke, Spitzer & Williams 2001; public domain). */
const TEXTS = [
  'Little interest or pleasure in doing things',
  'Feeling down, depressed, or hopeless',
  'Trouble falling or staying asleep, or sleeping too much',
  'Feeling tired or having little energy',
  'Poor appetite or overeating',
  'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
  'Trouble concentrating on things, such as reading the newspaper or watching television',
  'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
  'Thoughts that you would be better off dead or of hurting yourself in some way',
] as const;

/** The nine items in order. */
export const PHQ_QUESTIONS: ReadonlyArray<{ loinc: string; text: string }> = PHQ9_ITEMS.map((loinc, i) => ({
  loinc,
  text: TEXTS[i] ?? loinc,
}));
