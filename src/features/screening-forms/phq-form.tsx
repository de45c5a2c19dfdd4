/**
 * PHQ-2 → PHQ-9 as the instrument is given: the two PHQ-2 items first; a PHQ-2 ≥ 3 opens the
 * remaining seven items. Item 9 (self-harm thoughts) is highlighted, and any answer above
 * "Not at all" shows a safety prompt at once, whatever the total.
 */
import { PHQ_ITEM_ANSWERS } from '../../engine/index.ts';
import type { PhqScore } from '../../fhir/write-back-depression.ts';
import { PHQ_QUESTIONS } from './phq-questions.ts';
import {
  PHQ2_ITEM_COUNT,
  PHQ9_ITEM9_INDEX,
  PHQ9_ITEM_COUNT,
  continuesToPhq9,
  item9Positive,
  phq2Total,
  phq9Severity,
  scorePhq,
  type PhqAnswers,
} from './phq-scoring.ts';

const OPTIONS = Object.values(PHQ_ITEM_ANSWERS).sort((a, b) => a.points - b.points);

/** Props: the answers (held by the panel so they survive errors) and what to do with a finished score. */
export interface PhqFormProps {
  answers: PhqAnswers;
  onChange(answers: PhqAnswers): void;
  /** Also show items 3–9 although the PHQ-2 is below 3 (clinician's choice). */
  fullPhq9: boolean;
  onFullPhq9(full: boolean): void;
  onReview(score: PhqScore): void;
}

/** The PHQ form. */
export function PhqForm({ answers, onChange, fullPhq9, onFullPhq9, onReview }: PhqFormProps) {
  const t2 = phq2Total(answers);
  const showNine = continuesToPhq9(answers) || fullPhq9;
  const count = showNine ? PHQ9_ITEM_COUNT : PHQ2_ITEM_COUNT;
  const score = scorePhq(showNine ? answers : answers.slice(0, PHQ2_ITEM_COUNT));
  const finished = score && (showNine ? score.instrument === 'phq9' : score.instrument === 'phq2');
  const set = (i: number, points: number) => {
    const next = [...answers];
    next[i] = points;
    onChange(next);
  };
  return (
    <form
      className="screening-form"
      aria-label="PHQ-2 and PHQ-9 depression screening"
      onSubmit={(e) => {
        e.preventDefault();
        if (score && finished) {
          onReview(score);
        }
      }}
    >
      <p className="form-intro">
        Over the last 2 weeks, how often has the patient been bothered by any of the following problems?
      </p>
      {PHQ_QUESTIONS.slice(0, count).map((q, i) => (
        <fieldset
          key={q.loinc}
          className={`question${i === PHQ9_ITEM9_INDEX ? ' item9' : ''}`}
          data-testid={`phq-item-${i + 1}`}
        >
          <legend>
            {i + 1}. {q.text}
            {i === PHQ9_ITEM9_INDEX ? <strong className="item9-tag"> (safety item)</strong> : null}
          </legend>
          <div className="options">
            {OPTIONS.map((o) => (
              <label key={o.points} className="option">
                <input
                  type="radio"
                  name={`phq-${i + 1}`}
                  value={o.points}
                  checked={answers[i] === o.points}
                  onChange={() => set(i, o.points)}
                />{' '}
                {o.display} ({o.points})
              </label>
            ))}
          </div>
          {i === PHQ9_ITEM9_INDEX && item9Positive(answers) ? (
            <div role="alert" className="safety-prompt" data-testid="safety-prompt">
              ⚠ Item 9 is positive: assess suicide risk today (e.g. C-SSRS) and agree a safety plan before the patient
              leaves. This is needed whatever the total score.
            </div>
          ) : null}
        </fieldset>
      ))}
      <div className="score-line" aria-live="polite" data-testid="phq-score">
        {t2 !== undefined ? (
          <span>
            PHQ-2 total {t2} of 6{t2 >= 3 ? ' — continue with the PHQ-9' : ' — negative'}.{' '}
          </span>
        ) : null}
        {score?.instrument === 'phq9' ? (
          <span>
            PHQ-9 total {score.total} of 27 ({phq9Severity(score.total)}) —{' '}
            {score.positive ? 'positive screen' : 'negative screen'}.
          </span>
        ) : null}
      </div>
      {t2 !== undefined && t2 < 3 && !fullPhq9 ? (
        <button type="button" onClick={() => onFullPhq9(true)}>
          Give the full PHQ-9 anyway
        </button>
      ) : null}
      <div className="form-buttons">
        <button type="submit" className="primary" disabled={!finished} data-testid="phq-review">
          Review and save
        </button>
      </div>
    </form>
  );
}
