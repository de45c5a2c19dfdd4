/**
 * The patients × measures/gaps table, virtualised (@tanstack/react-virtual): only the rows in view
 * are in the DOM, so 10,000 patients scroll smoothly. ARIA grid semantics with aria-rowcount /
 * aria-rowindex keep the full size known to assistive technology; each cell shows an icon and a
 * word (never colour alone); column headers are sort buttons with aria-sort.
 * Every column has a fixed width, and the header and every row use the same grid template and the
 * same total width inside one scroller, so a header always sits over its column however wide the
 * table or narrow the screen; the patient column stays in view while scrolling sideways.
 */
import { memo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { clinicianLabel } from '../../engine/index.ts';
import { gapStatusLabel, measureStatusLabel, type StatusLabel } from '../care-panel/describe-status.ts';
import { gapLabel, measureLabel } from './finding-labels.ts';
import { identityLine } from './identity-line.ts';
import type { PopulationColumn, SortKey, SortSpec } from './population-table-model.ts';
import { gapStateOf, openGapCount, type GapState } from './population-table-model.ts';
import type { PopulationEntry } from './run-population.ts';

/** Row height in px (fixed so the virtualiser needs no measuring): two lines, name then birth date and MRN. */
const ROW_HEIGHT = 46;
/** Header height in px (labels wrap to two lines). */
const HEADER_HEIGHT = 48;
/** Column widths in rem; the patient column's is the CSS variable --pop-patient-w (narrower on small screens). */
const WIDTH = { clinician: 10, flags: 4.5, openGaps: 5, finding: 9.5 } as const;

/** Props of {@link PopulationTable}. */
export interface PopulationTableProps {
  entries: readonly PopulationEntry[];
  /** The measure and gap columns shown (the column chooser's choice). */
  columns: readonly PopulationColumn[];
  sort: SortSpec;
  onSort(key: SortKey): void;
  onOpen(entry: PopulationEntry): void;
}

function columnKey(c: PopulationColumn): SortKey {
  return `${c.kind}:${c.id}`;
}

/** The header label of a measure or gap column. */
export function columnLabel(c: PopulationColumn): string {
  return c.kind === 'gap' ? gapLabel(c.id, c.title) : measureLabel(c.id, c.title);
}

/** What the order of a sorted column is, in words (the ▲/▼ says ascending/descending; this says of what). */
function orderText(key: SortKey, direction: SortSpec['direction']): string {
  const asc = direction === 'asc';
  if (key === 'name') {
    return asc ? 'A to Z' : 'Z to A';
  }
  if (key === 'clinician') {
    return asc ? 'clinician A to Z, unattributed last' : 'clinician Z to A';
  }
  if (key === 'flags' || key === 'open-gaps') {
    return asc ? 'fewest first' : 'most first';
  }
  return asc ? 'needs attention first (not met / open)' : 'needs attention last';
}

/** A gap cell's label: the panel's status label, or "Missed" for a window that passed unmet (as the panel says it). */
function gapStateLabel(s: GapState): StatusLabel {
  return s === 'missed' ? { icon: '✗', text: 'Missed', tone: 'neutral' } : gapStatusLabel(s);
}

function Cell({ entry, column }: { entry: PopulationEntry; column: PopulationColumn }) {
  if (column.kind === 'measure') {
    const m = entry.evaluation?.measures.find((x) => x.id === column.id);
    if (!m) {
      return <span className="pop-cell pop-none">·</span>;
    }
    const l = measureStatusLabel(m);
    return (
      <span className={`pop-cell tone-${l.tone}`} title={`${column.title}: ${l.text}`}>
        <span aria-hidden="true">{l.icon}</span> {l.text}
      </span>
    );
  }
  const s = gapStateOf(entry, column.id);
  if (!s) {
    return <span className="pop-cell pop-none">·</span>;
  }
  const l = gapStateLabel(s);
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
  width: string;
  onOpen(entry: PopulationEntry): void;
}

/**
 * One patient row. Memoised: while scrolling (and while batches arrive) only the rows that enter
 * the window or move render; the others keep their DOM as is.
 */
const Row = memo(function Row({ entry: e, index, top, columns, template, width, onOpen }: RowProps) {
  const id = e.identity;
  const sub = identityLine(id);
  return (
    <div
      className="pop-row"
      role="row"
      aria-rowindex={index + 2}
      data-testid={`population-row-${e.patientId}`}
      style={{
        gridTemplateColumns: template,
        position: 'absolute',
        top: 0,
        left: 0,
        width,
        height: ROW_HEIGHT,
        transform: `translateY(${top}px)`,
      }}
    >
      <span role="cell" className="pop-sticky pop-who">
        <button
          type="button"
          className="pop-open"
          onClick={() => onOpen(e)}
          disabled={Boolean(e.error)}
          title={e.error ?? 'Open this patient’s panel'}
        >
          {e.name ?? e.patientId}
        </button>
        <span className="pop-sub" data-testid="population-row-identity">
          {e.error ? <span className="pop-error">⚠ not evaluated</span> : sub || e.patientId}
        </span>
      </span>
      <span role="cell" className="pop-text" title={id ? clinicianLabel(id.clinician) : undefined}>
        {id ? clinicianLabel(id.clinician) : '—'}
      </span>
      <span role="cell" className="pop-num">
        {e.evaluation ? e.evaluation.flags.length : '—'}
      </span>
      <span role="cell" className="pop-num">
        {openGapCount(e) ?? '—'}
      </span>
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
  // The sticky header row sits above the rows inside the scroller: the list starts one header down.
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    scrollMargin: HEADER_HEIGHT,
  });
  const widths = [WIDTH.clinician, WIDTH.flags, WIDTH.openGaps, ...columns.map(() => WIDTH.finding)];
  // one template and one total width for the header and every row: a header always sits over its column
  const template = ['var(--pop-patient-w)', ...widths.map((w) => `${w}rem`)].join(' ');
  const width = `calc(var(--pop-patient-w) + ${widths.reduce((a, b) => a + b, 0)}rem)`;
  const header: Array<{ key: SortKey; label: string; title: string; sticky?: boolean }> = [
    { key: 'name', label: 'Patient', title: 'Patient name, birth date and MRN', sticky: true },
    {
      key: 'clinician',
      label: 'Clinician',
      title: 'Attributed clinician (general practitioner, else most qualifying visits)',
    },
    { key: 'flags', label: 'Flags', title: 'Number of risk flags' },
    { key: 'open-gaps', label: 'Open gaps', title: 'Number of open care gaps' },
    ...columns.map((c) => ({
      key: columnKey(c),
      label: columnLabel(c),
      title: c.kind === 'gap' ? `Care gap: ${c.title}` : c.title,
    })),
  ];
  return (
    <div
      ref={scroller}
      className="pop-table pop-scroll"
      role="table"
      aria-label="Patients by measure and gap"
      aria-rowcount={entries.length + 1}
      data-testid="population-table"
    >
      <div
        className="pop-row pop-head"
        role="row"
        aria-rowindex={1}
        style={{ gridTemplateColumns: template, width, height: HEADER_HEIGHT }}
      >
        {header.map((h) => {
          const active = sort.key === h.key;
          return (
            <span
              key={h.key}
              role="columnheader"
              className={h.sticky ? 'pop-sticky' : undefined}
              aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
              data-testid={`header-${h.key}`}
            >
              <button
                type="button"
                onClick={() => onSort(h.key)}
                data-testid={`sort-${h.key}`}
                title={active ? `${h.title} — sorted ${orderText(h.key, sort.direction)}` : `${h.title} — sort`}
              >
                {h.label}
                {active ? (
                  <span className="pop-sort" data-testid="sort-indicator" data-direction={sort.direction}>
                    {' '}
                    <span aria-hidden="true">{sort.direction === 'asc' ? '▲' : '▼'}</span>
                    <span className="visually-hidden-text">sorted {orderText(h.key, sort.direction)}</span>
                  </span>
                ) : null}
              </button>
            </span>
          );
        })}
      </div>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width }} role="rowgroup">
        {virtualizer.getVirtualItems().map((v) => {
          const e = entries[v.index];
          if (!e) {
            return null;
          }
          return (
            <Row
              key={e.patientId}
              entry={e}
              index={v.index}
              top={v.start - HEADER_HEIGHT}
              columns={columns}
              template={template}
              width={width}
              onOpen={onOpen}
            />
          );
        })}
      </div>
    </div>
  );
}
