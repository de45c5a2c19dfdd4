/**
 * The explicit confirmation step: exactly what will be written to the EHR (one line per
 * resource), then "Write to the EHR". On failure the server's message is shown and the same
 * batch can be re-sent (conditional create makes the retry safe).
 */
import type { WriteBack } from './use-write-back.ts';

/** Props: the write in progress. */
export interface ConfirmWriteProps {
  write: WriteBack;
}

/** Review / saving / failed / saved view of a write. */
export function ConfirmWrite({ write }: ConfirmWriteProps) {
  const { phase, batch, error } = write;
  if (!batch || phase === 'editing') return null;
  return (
    <div className="confirm-write" data-testid="confirm-write" data-phase={phase}>
      <h3>{phase === 'saved' ? 'Saved to the EHR' : `Write ${batch.label} to the EHR?`}</h3>
      <p>{phase === 'saved' ? 'These were written:' : 'These will be written to the patient’s chart:'}</p>
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
      ) : phase === 'saved' ? (
        <p role="status" data-testid="write-saved">
          ✓ Saved. The panel has been refreshed.
        </p>
      ) : (
        <div className="form-buttons">
          <button type="button" className="primary" data-testid="confirm-write-button" onClick={() => void write.confirm()}>
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
