/**
 * Documents the follow-up plan for a positive depression screen: the clinician chooses the kind
 * (referral → ServiceRequest, or a follow-up intervention done in this visit → Procedure) and the
 * code, from the CMS2 follow-up value sets for the patient's age group.
 */
import type { FollowUpKind } from '../../fhir/write-back-follow-up.ts';
import { followUpValueSet } from '../../fhir/write-back-follow-up.ts';
import type { ScreeningAgeGroup } from '../../fhir/write-back-depression.ts';

/** The clinician's choices so far. */
export interface FollowUpDraft {
  kind: FollowUpKind;
  /** `system|code` of the chosen coding. */
  code?: string;
  referralStatus: 'active' | 'completed';
  note: string;
}

/** A fresh draft (referral, placed now). */
export const EMPTY_FOLLOW_UP: FollowUpDraft = { kind: 'referral', referralStatus: 'active', note: '' };

/** Props of the follow-up form. */
export interface FollowUpFormProps {
  draft: FollowUpDraft;
  onChange(draft: FollowUpDraft): void;
  ageGroup: ScreeningAgeGroup;
  /** Which kinds this launch may write (ServiceRequest / Procedure create scopes). */
  allowed: Readonly<Record<FollowUpKind, boolean>>;
  onReview(): void;
}

/** The follow-up plan form. */
export function FollowUpForm({ draft, onChange, ageGroup, allowed, onReview }: FollowUpFormProps) {
  const vs = followUpValueSet(draft.kind, ageGroup);
  const codes = [...vs.codes].sort((a, b) => a[2].localeCompare(b[2]));
  return (
    <form
      className="screening-form"
      aria-label="Depression follow-up plan"
      onSubmit={(e) => {
        e.preventDefault();
        if (draft.code) {
          onReview();
        }
      }}
    >
      <fieldset className="question">
        <legend>Kind of follow-up</legend>
        <div className="options">
          {(['referral', 'procedure'] as const).map((k) => (
            <label key={k} className="option">
              <input
                type="radio"
                name="follow-up-kind"
                value={k}
                checked={draft.kind === k}
                disabled={!allowed[k]}
                onChange={() => onChange({ ...draft, kind: k, code: undefined })}
              />{' '}
              {k === 'referral' ? 'Referral (ServiceRequest)' : 'Follow-up done in this visit (Procedure)'}
              {!allowed[k] ? ' — not allowed in this launch' : ''}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="field">
        {draft.kind === 'referral' ? 'Referral to' : 'Intervention'} ({vs.name})
        <select
          data-testid="follow-up-code"
          value={draft.code ?? ''}
          onChange={(e) => onChange({ ...draft, code: e.target.value || undefined })}
        >
          <option value="">Choose…</option>
          {codes.map(([system, code, display]) => (
            <option key={code} value={`${system}|${code}`}>
              {display.replace(/ \((procedure|regime\/therapy)\)$/, '')}
            </option>
          ))}
        </select>
      </label>
      {draft.kind === 'referral' ? (
        <label className="field">
          Referral status
          <select
            value={draft.referralStatus}
            onChange={(e) => onChange({ ...draft, referralStatus: e.target.value as FollowUpDraft['referralStatus'] })}
          >
            <option value="active">Placed (active)</option>
            <option value="completed">Completed</option>
          </select>
        </label>
      ) : null}
      <label className="field">
        Note (optional)
        <textarea rows={2} value={draft.note} onChange={(e) => onChange({ ...draft, note: e.target.value })} />
      </label>
      <div className="form-buttons">
        <button type="submit" className="primary" disabled={!draft.code} data-testid="follow-up-review">
          Review and save
        </button>
      </div>
    </form>
  );
}

/** The coding a draft refers to (undefined until a code is chosen). */
export function draftCoding(draft: FollowUpDraft, ageGroup: ScreeningAgeGroup): fhir4.Coding | undefined {
  if (!draft.code) {
    return undefined;
  }
  const hit = followUpValueSet(draft.kind, ageGroup).codes.find(([s, c]) => `${s}|${c}` === draft.code);
  return hit ? { system: hit[0], code: hit[1], display: hit[2] } : undefined;
}
