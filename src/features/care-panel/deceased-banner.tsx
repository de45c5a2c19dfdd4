/** The banner that says the patient has died: the panel then shows no point-of-care actions or open gaps. */
import type { PatientEvaluation } from '../../engine/index.ts';
import './action-list.css';

/** Renders nothing unless the engine says the patient had died by the as-of date. */
export function DeceasedBanner({ evaluation }: { evaluation: PatientEvaluation }) {
  if (!evaluation.deceased) {
    return null;
  }
  return (
    <div className="deceased-banner" role="alert" data-testid="deceased-banner">
      {evaluation.deceased.statement} No point-of-care actions or open care gaps are shown.
    </div>
  );
}
