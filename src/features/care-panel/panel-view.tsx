/**
 * The panel's layout from an evaluation (presentational; fixtures drive it in tests), ordered for
 * a clinician reading it mid-visit on a narrow screen: header (period, visit in context), the
 * screening workspace when open, safety flags (suicide risk first; order-findings.ts), "Do this
 * visit", the other risk flags, care gaps, quality measures, trends, and the record details.
 * Every engine statement is shown in plain language (plain-language.ts).
 */
import { useMemo, type ReactNode } from 'react';
import type { GapResult, PatientEvaluation } from '../../engine/index.ts';
import type { ScreeningFormKind } from '../screening-forms/screening-drafts.ts';
import { ActionList } from './action-list.tsx';
import { DataIssues } from './data-issues.tsx';
import { DeceasedBanner } from './deceased-banner.tsx';
import type { VisitView } from './describe-visit.ts';
import { FlagList } from './flag-list.tsx';
import { GapList } from './gap-list.tsx';
import { MeasureList } from './measure-list.tsx';
import { isSafetyFlag } from './order-findings.ts';
import { PanelHeader } from './panel-header.tsx';
import { PlainLanguage, plainWith } from './plain-language-context.ts';
import './care-panel.css';

/** Props of the view. */
export interface PanelViewProps {
  evaluation: PatientEvaluation;
  resources: Partial<Record<string, readonly unknown[]>>;
  canWrite: boolean;
  fetchedAt?: Date;
  loadingTypes?: readonly string[];
  onOpenForm?(form: ScreeningFormKind, gap?: GapResult): void;
  /** The open screening workspace, if any. */
  workspace?: ReactNode;
  trends?: ReactNode;
  /** The record details area (identity and what was read), last. */
  details?: ReactNode;
  thisYear: number;
  /** The visit in context and how it changes each result. */
  visit?: VisitView;
  /** Display names for codes the statements mention without one ([codingKey, display]). */
  displays?: ReadonlyArray<readonly [string, string]>;
  /** Milliseconds the evaluation took and where it ran (exposed for performance checks). */
  evalMs?: number;
  evalWhere?: string;
}

/** The care panel. */
export function PanelView(p: PanelViewProps) {
  const open = (f: ScreeningFormKind, g?: GapResult) => p.onOpenForm?.(f, g);
  const plain = useMemo(() => plainWith(new Map(p.displays ?? [])), [p.displays]);
  const { flags, actions } = p.evaluation;
  // Plain language for the flag and action components too (they render the statements as given).
  const shownFlags = useMemo(() => flags.map((f) => ({ ...f, statement: plain(f.statement) })), [flags, plain]);
  const shownActions = useMemo(() => actions.map((a) => ({ ...a, text: plain(a.text) })), [actions, plain]);
  const safety = shownFlags.filter(isSafetyFlag);
  const others = shownFlags.filter((f) => !isSafetyFlag(f));
  return (
    <PlainLanguage.Provider value={plain}>
      <div
        className="care-panel"
        data-testid="care-panel"
        data-eval-ms={p.evalMs !== undefined ? p.evalMs.toFixed(1) : undefined}
        data-eval-where={p.evalWhere}
      >
        <PanelHeader
          evaluation={p.evaluation}
          {...(p.fetchedAt ? { fetchedAt: p.fetchedAt } : {})}
          loadingTypes={p.loadingTypes ?? []}
          canWrite={p.canWrite}
          onOpenForm={open}
          thisYear={p.thisYear}
          {...(p.visit ? { visit: p.visit } : {})}
        />
        <DeceasedBanner evaluation={p.evaluation} />
        {p.workspace}
        {safety.length ? <FlagList flags={safety} resources={p.resources} heading="Safety flags" /> : null}
        <ActionList
          actions={shownActions}
          missed={p.evaluation.missed ?? []}
          gaps={p.evaluation.gaps}
          thisYear={p.thisYear}
          {...(p.canWrite && p.onOpenForm ? { onOpenForm: open } : {})}
        />
        {others.length || !safety.length ? (
          <FlagList
            flags={others}
            resources={p.resources}
            heading={safety.length ? 'Other risk flags' : 'Risk flags'}
            testId={safety.length ? 'flags-other' : 'flags'}
          />
        ) : null}
        <GapList
          gaps={p.evaluation.gaps}
          resources={p.resources}
          thisYear={p.thisYear}
          measures={p.evaluation.measures}
          asOf={p.evaluation.asOf}
          {...(p.visit ? { visit: p.visit } : {})}
          {...(p.canWrite && p.onOpenForm ? { onAction: (a: ScreeningFormKind, g: GapResult) => open(a, g) } : {})}
        />
        <MeasureList
          measures={p.evaluation.measures}
          resources={p.resources}
          thisYear={p.thisYear}
          {...(p.visit ? { visit: p.visit } : {})}
        />
        {p.trends}
        <DataIssues issues={p.evaluation.issues} />
        {p.details}
      </div>
    </PlainLanguage.Provider>
  );
}
