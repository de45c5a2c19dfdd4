/**
 * The AHC HRSN core screening (all five domains): each question as a radio group (housing quality
 * as a checklist), grouped by domain, with the domain results and the HITS total shown as they
 * are answered. "Review and save" once every domain is answered.
 */
import { AHC_HRSN_QUESTIONS, HRSN_DOMAIN_LABELS, type HrsnDomain } from './ahc-hrsn-items.ts';
import { scoreHrsn, toggleAnswer, type HrsnAnswers } from './hrsn-scoring.ts';

/** Props: the answers (held by the panel) and the review action. */
export interface HrsnFormProps {
  answers: HrsnAnswers;
  onChange(answers: HrsnAnswers): void;
  onReview(): void;
}

const DOMAIN_ORDER: readonly HrsnDomain[] = ['housing', 'food', 'transportation', 'utilities', 'safety'];

/** The AHC HRSN form. */
export function HrsnForm({ answers, onChange, onReview }: HrsnFormProps) {
  const score = scoreHrsn(answers);
  return (
    <form
      className="screening-form"
      aria-label="AHC health-related social needs screening"
      onSubmit={(e) => {
        e.preventDefault();
        if (score.complete) {
          onReview();
        }
      }}
    >
      {DOMAIN_ORDER.map((domain) => (
        <div key={domain} className="domain-group" role="group" aria-labelledby={`hrsn-${domain}`}>
          <h4 id={`hrsn-${domain}`}>{HRSN_DOMAIN_LABELS[domain]}</h4>
          {AHC_HRSN_QUESTIONS.filter((q) => q.domain === domain).map((q) => {
            const current = answers[q.loinc] ?? [];
            return (
              <fieldset key={q.loinc} className="question" data-testid={`hrsn-${q.loinc}`}>
                <legend>{q.text}</legend>
                <div className="options">
                  {q.options.map((o) => (
                    <label key={o.code} className="option">
                      <input
                        type={q.multiple ? 'checkbox' : 'radio'}
                        name={`hrsn-${q.loinc}`}
                        value={o.code}
                        checked={current.includes(o.code)}
                        onChange={() => onChange({ ...answers, [q.loinc]: toggleAnswer(q, current, o.code) })}
                      />{' '}
                      {o.display}
                    </label>
                  ))}
                </div>
              </fieldset>
            );
          })}
        </div>
      ))}
      <ul className="score-line domain-results" aria-live="polite" data-testid="hrsn-score">
        {score.domains.map((d) => (
          <li key={d.domain}>
            {HRSN_DOMAIN_LABELS[d.domain]}:{' '}
            {!d.complete ? 'not answered yet' : d.positive ? '⚠ positive (need)' : '✓ negative'}
            {d.domain === 'safety' && score.hitsTotal !== undefined ? ` (HITS ${score.hitsTotal} of 20)` : ''}
          </li>
        ))}
      </ul>
      <div className="form-buttons">
        <button type="submit" className="primary" disabled={!score.complete} data-testid="hrsn-review">
          Review and save
        </button>
      </div>
    </form>
  );
}
