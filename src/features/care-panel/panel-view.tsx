/**
 * The panel's layout from an evaluation (presentational; fixtures drive it in tests): header,
 * the screening workspace when open, risk flags, "Do this visit", care gaps, quality measures,
 * then trends.
 */
import type { ReactNode } from 'react';
import type { GapResult, PatientEvaluation } from '../../engine/types.ts';
import type { ScreeningFormKind } from '../screening-forms/screening-drafts.ts';
import { ActionList } from './action-list.tsx';
import { DataIssues } from './data-issues.tsx';
import { DeceasedBanner } from './deceased-banner.tsx';
import { FlagList } from './flag-list.tsx';
import { GapList } from './gap-list.tsx';
import { MeasureList } from './measure-list.tsx';
import { PanelHeader } from './panel-header.tsx';
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
  thisYear: number;
  /** Milliseconds the evaluation took and where it ran (exposed for performance checks). */
  evalMs?: number;
  evalWhere?: string;
}

/** The care panel. */
export function PanelView(p: PanelViewProps) {
  const open = (f: ScreeningFormKind, g?: GapResult) => p.onOpenForm?.(f, g);
  return (
    <div className="care-panel" data-testid="care-panel" data-eval-ms={p.evalMs !== undefined ? p.evalMs.toFixed(1) : undefined} data-eval-where={p.evalWhere}>
      <PanelHeader
        evaluation={p.evaluation}
        {...(p.fetchedAt ? { fetchedAt: p.fetchedAt } : {})}
        loadingTypes={p.loadingTypes ?? []}
        canWrite={p.canWrite}
        onOpenForm={open}
        thisYear={p.thisYear}
      />
      <DeceasedBanner evaluation={p.evaluation} />
      {p.workspace}
      <FlagList flags={p.evaluation.flags} resources={p.resources} thisYear={p.thisYear} />
      <ActionList
        actions={p.evaluation.actions}
        missed={p.evaluation.missed ?? []}
        gaps={p.evaluation.gaps}
        thisYear={p.thisYear}
        {...(p.canWrite && p.onOpenForm ? { onOpenForm: open } : {})}
      />
      <GapList
        gaps={p.evaluation.gaps}
        resources={p.resources}
        thisYear={p.thisYear}
        {...(p.canWrite && p.onOpenForm ? { onAction: (a: ScreeningFormKind, g: GapResult) => open(a, g) } : {})}
      />
      <MeasureList measures={p.evaluation.measures} resources={p.resources} thisYear={p.thisYear} />
      {p.trends}
      <DataIssues issues={p.evaluation.issues} />
    </div>
  );
}
