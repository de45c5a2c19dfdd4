/**
 * The explicit confirmation step: which visit the results attach to and the date they carry, then
 * exactly what will be written to the EHR (one line per resource), then "Write to the EHR". On
 * failure the server's message is shown and the same batch can be re-sent (conditional create makes
 * the retry safe). Once saved and re-read, it says what became of the gap the form came from.
 */
import type { BatchAttachment } from '../../fhir/write-back.ts';
import { formatDateTime, formatDay } from '../care-panel/display-date.ts';
import type { WriteOutcome } from '../care-panel/write-outcome.ts';
import type { WriteBack } from './use-write-back.ts';

/** Props: the write in progress and, after saving, the outcome for the gap. */
export interface ConfirmWriteProps {
  write: WriteBack;
  outcome?: WriteOutcome | 'checking';
}

/** "Attached to today's visit (Office visit…, 3 Dec 2026, in progress) · dated 3 Dec 2026, 14:05". */
export function attachmentText(a: BatchAttachment, today: string): string {
  const dated = `dated ${formatDateTime(a.recordedAt)}`;
  if (!a.encounter) {
    return `Not attached to a visit: the EHR launched the panel without one · ${dated}`;
  }
  const v = a.visit;
  if (!v) {
    return `Attached to visit ${a.encounter} · ${dated}`;
  }
  const which =
    v.date === today ? 'today’s visit' : v.date ? `the visit of ${formatDay(v.date)}` : 'the visit in context';
  const about = [v.type, v.date ? formatDay(v.date) : undefined, v.open ? 'in progress' : undefined]
    .filter(Boolean)
    .join(', ');
  return `Attached to ${which}${about ? ` (${about})` : ''} · ${dated}`;
}

/** Review / saving / failed / saved view of a write. */
export function ConfirmWrite({ write, outcome }: ConfirmWriteProps) {
  const { phase, batch, error } = write;
  if (!batch || phase === 'editing') {
    return null;
  }
  const saved = phase === 'saved';
  return (
    <div className="confirm-write" data-testid="confirm-write" data-phase={phase}>
      <h3>{saved ? 'Saved to the EHR' : `Write ${batch.label} to the EHR?`}</h3>
      <p className="attachment" data-testid="write-attachment">
        {attachmentText(batch.attachedTo, batch.attachedTo.recordedAt.slice(0, 10))}
      </p>
      <p>{saved ? 'These were written:' : 'These will be written to the patient’s chart:'}</p>
      <ul className="write-list">
        {batch.creates.map((c, i) => (
          <li key={i}>
            <span className="muted">{c.resource.resourceType}</span> — {c.summary}
            {write.result?.outcomes[i]?.ok ? <span> ✓</span> : null}
          </li>
        ))}
      </ul>
      {error ? (
        <p role="alert" className="write-error" data-testid="write-error">
          ✗ Not saved: {error}. Your answers are kept — try again, or go back to the form.
        </p>
      ) : null}
      {phase === 'saving' ? (
        <p role="status">Saving…</p>
      ) : phase === 'refreshing' ? (
        <p role="status">Saved. Re-reading the record…</p>
      ) : saved ? (
        <div role="status" data-testid="write-saved">
          <p>✓ Saved.</p>
          {outcome === 'checking' || !outcome ? (
            <p className="muted">Checking the gap against the refreshed record…</p>
          ) : (
            <p
              className={outcome.closed ? 'outcome-closed' : 'outcome-open'}
              data-testid="write-outcome"
              data-closed={outcome.closed}
            >
              {outcome.closed ? '✓ ' : '! '}
              {outcome.text}
            </p>
          )}
        </div>
      ) : (
        <div className="form-buttons">
          <button
            type="button"
            className="primary"
            data-testid="confirm-write-button"
            onClick={() => void write.confirm()}
          >
            {phase === 'failed' ? 'Try again' : 'Write to the EHR'}
          </button>
          <button type="button" onClick={write.edit}>
            Back to the form
          </button>
        </div>
      )}
    </div>
  );
}
