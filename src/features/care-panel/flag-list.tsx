/** Risk flags, one line each in severity order (suicide risk first), evidence a click away. */
import { useId } from 'react';
import type { FlagResult } from '../../engine/index.ts';
import { EvidenceDrawer } from './evidence-drawer.tsx';
import { orderFlags } from './order-findings.ts';

const SEVERITY = {
  high: { icon: '▲', text: 'High' },
  moderate: { icon: '●', text: 'Moderate' },
  info: { icon: 'i', text: 'Info' },
} as const;

/** Props: flags and the resources their evidence points to. */
export interface FlagListProps {
  flags: readonly FlagResult[];
  resources: Partial<Record<string, readonly unknown[]>>;
  /** Section heading (default "Risk flags"; the panel splits safety flags from the others). */
  heading?: string;
  /** Test id of the section (default `flags`). */
  testId?: string;
}

/** The risk-flag section. */
export function FlagList({ flags, resources, heading = 'Risk flags', testId = 'flags' }: FlagListProps) {
  const ordered = orderFlags(flags);
  const headingId = useId();
  return (
    <section className="panel-section" aria-labelledby={headingId} data-testid={testId}>
      <h2 id={headingId}>{heading}</h2>
      {ordered.length === 0 ? (
        <p className="muted">No risk flags.</p>
      ) : (
        <ul className="finding-list">
          {ordered.map((f) => {
            const sev = SEVERITY[f.severity] ?? SEVERITY.info;
            return (
              <li
                key={f.id}
                className={`finding flag flag-${f.severity}`}
                data-testid={`flag-${f.id}`}
                data-severity={f.severity}
              >
                <span className={`badge badge-${f.severity}`}>
                  <span aria-hidden="true">{sev.icon}</span> {sev.text}
                </span>{' '}
                <span className="finding-text">{f.statement}</span>
                <EvidenceDrawer evidence={f.evidence} resources={resources} label={f.statement} />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
