/**
 * The patients × measures/gaps table, virtualised (@tanstack/react-virtual): only the rows in view
 * are in the DOM, so 10,000 patients scroll smoothly. ARIA grid semantics with aria-rowcount /
 * aria-rowindex keep the full size known to assistive technology; each cell shows an icon and a
 * word (never colour alone); column headers are sort buttons with aria-sort.
 */
import { memo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { gapStatusLabel, measureStatusLabel } from '../care-panel/describe-status.ts';
import type { PopulationColumn, SortKey, SortSpec } from './population-table-model.ts';
import { gapStatusOf } from './population-table-model.ts';
import type { PopulationEntry } from './run-population.ts';

/** Row height in px (fixed so the virtualiser needs no measuring). */
const ROW_HEIGHT = 34;

/** Props of {@link PopulationTable}. */
export interface PopulationTableProps {
  entries: readonly PopulationEntry[];
  columns: readonly PopulationColumn[];
  sort: SortSpec;
  onSort(key: SortKey): void;
  onOpen(entry: PopulationEntry): void;
}

function columnKey(c: PopulationColumn): SortKey {
  return `${c.kind}:${c.id}`;
}

function Cell({ entry, column }: { entry: PopulationEntry; column: PopulationColumn }) {
  if (column.kind === 'measure') {
    const m = entry.evaluation?.measures.find((x) => x.id === column.id);
    if (!m) return <span className="pop-cell pop-none">·</span>;
    const l = measureStatusLabel(m);
    return (
      <span className={`pop-cell tone-${l.tone}`} title={`${column.title}: ${l.text}`}>
        <span aria-hidden="true">{l.icon}</span> {l.text}
      </span>
    );
  }
  const s = gapStatusOf(entry, column.id);
  if (!s) return <span className="pop-cell pop-none">·</span>;
  const l = gapStatusLabel(s);
  return (
    <span className={`pop-cell tone-${l.tone}`} title={`${column.title}: ${l.text}`}>
      <span aria-hidden="true">{l.icon}</span> {l.text}
    </span>
  );
}

/** Props of one row. */
interface RowProps {
  entry: PopulationEntry;
  index: number;
  top: number;
  columns: readonly PopulationColumn[];
  template: string;
  onOpen(entry: PopulationEntry): void;
}

/**
 * One patient row. Memoised: while scrolling (and while batches arrive) only the rows that enter
 * the window or move render; the others keep their DOM as is.
 */
const Row = memo(function Row({ entry: e, index, top, columns, template, onOpen }: RowProps) {
  return (
    <div
      className="pop-row"
      role="row"
      aria-rowindex={index + 2}
      data-testid={`population-row-${e.patientId}`}
      style={{ gridTemplateColumns: template, position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${top}px)` }}
    >
      <span role="cell">
        <button type="button" className="pop-open" onClick={() => onOpen(e)} disabled={Boolean(e.error)} title={e.error ?? 'Open this patient’s panel'}>
          {e.name ?? e.patientId}
        </button>
        {e.error ? <span className="pop-error"> ⚠ not evaluated</span> : null}
      </span>
      <span role="cell">{e.evaluation ? e.evaluation.flags.length : '—'}</span>
      {columns.map((c) => (
        <span role="cell" key={columnKey(c)}>
          <Cell entry={e} column={c} />
        </span>
      ))}
    </div>
  );
});

/** The virtualised table. */
export function PopulationTable({ entries, columns, sort, onSort, onOpen }: PopulationTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  // The sticky header row sits above the rows inside the scroller: the list starts one row down.
  const virtualizer = useVirtualizer({ count: entries.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 6, scrollMargin: ROW_HEIGHT });
  const template = `minmax(12rem, 1.5fr) 4.5rem repeat(${columns.length}, minmax(7.5rem, 1fr))`;
  const header: Array<{ key: SortKey; label: string }> = [
    { key: 'name', label: 'Patient' },
    { key: 'flags', label: 'Flags' },
    ...columns.map((c) => ({ key: columnKey(c), label: c.kind === 'gap' ? `Gap: ${c.title}` : c.title })),
  ];
  return (
    <div ref={scroller} className="pop-table pop-scroll" role="table" aria-label="Patients by measure and gap" aria-rowcount={entries.length + 1} data-testid="population-table">
      <div className="pop-row pop-head" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template, height: ROW_HEIGHT }}>
        {header.map((h) => {
          const active = sort.key === h.key;
          return (
            <span key={h.key} role="columnheader" aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
              <button type="button" onClick={() => onSort(h.key)} data-testid={`sort-${h.key}`}>
                {h.label} {active ? <span aria-hidden="true">{sort.direction === 'asc' ? '▲' : '▼'}</span> : null}
              </button>
            </span>
          );
        })}
      </div>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative', minWidth: 'max-content' }} role="rowgroup">
          {virtualizer.getVirtualItems().map((v) => {
            const e = entries[v.index];
            if (!e) return null;
            return <Row key={e.patientId} entry={e} index={v.index} top={v.start - ROW_HEIGHT} columns={columns} template={template} onOpen={onOpen} />;
          })}
      </div>
    </div>
  );
}
