/**
 * "Evidence" disclosure for any line of the panel: the FHIR resources behind a finding (type,
 * date, code display, value), looked up in the record by reference so a clinician or auditor can
 * check the reasoning. All FHIR strings are rendered as React text (escaped) — never as HTML.
 */
import { useId, useState } from 'react';
import type { Evidence } from '../../engine/index.ts';
import { formatDay } from './display-date.ts';
import { findResource, summariseResource } from './resource-summary.ts';

/** Props: the evidence of one line and the record's resources to look them up in. */
export interface EvidenceDrawerProps {
  evidence: readonly Evidence[];
  resources: Partial<Record<string, readonly unknown[]>>;
  /** What the evidence is for, for the button's accessible name. */
  label: string;
}

/** A button that opens the list of resources behind one finding. */
export function EvidenceDrawer({ evidence, resources, label }: EvidenceDrawerProps) {
  const [open, setOpen] = useState(false);
  const regionId = useId();
  if (evidence.length === 0) {
    return null;
  }
  return (
    <div className="evidence">
      <button
        type="button"
        className="link-button"
        aria-expanded={open}
        aria-controls={regionId}
        aria-label={`${open ? 'Hide' : 'Show'} evidence for ${label}`}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? 'Hide evidence' : `Evidence (${evidence.length})`}
      </button>
      {open ? (
        <ul id={regionId} className="evidence-list" data-testid="evidence-list">
          {evidence.map((e, i) => (
            <EvidenceItem key={`${e.reference}-${i}`} evidence={e} resources={resources} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** One resource of the evidence: from the record when present, else what the rule recorded. */
function EvidenceItem({ evidence, resources }: { evidence: Evidence; resources: EvidenceDrawerProps['resources'] }) {
  const resource = findResource(resources, evidence.reference);
  const s = summariseResource(resource, evidence.reference);
  const date = s.date ?? evidence.date;
  const code = s.code ?? evidence.display;
  const value = s.value ?? evidence.value;
  return (
    <li className="evidence-item">
      <span className="evidence-type">{s.type}</span>
      {date ? <span className="evidence-date"> · {formatDay(date)}</span> : null}
      {code ? <span className="evidence-code"> · {code}</span> : null}
      {s.codes ? <span className="evidence-codes"> ({s.codes})</span> : null}
      {s.type === 'Encounter' && s.status && s.status !== 'finished' ? (
        <span className="evidence-status"> · {s.status.replace(/-/g, ' ')}</span>
      ) : null}
      {value ? <span className="evidence-value"> · {value}</span> : null}
      <span className="evidence-rule">
        {' '}
        ({evidence.rule.replace(/-/g, ' ')}
        {resource ? '' : '; not in the record read'})
      </span>
    </li>
  );
}
