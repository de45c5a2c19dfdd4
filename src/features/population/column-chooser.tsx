/**
 * Which measure and gap columns the table shows. Thirty columns made the table 16,900 px wide, so
 * by default it shows the measures (plus the always-present clinician, flags and open-gaps counts)
 * and the gaps are opt-in; quality staff pick the gaps they work on. The choice is kept as
 * overrides of that default, so columns that appear later in a run follow the default.
 */
import { columnLabel } from './population-table.tsx';
import type { PopulationColumn } from './population-table-model.ts';

/** Column key (`measure:<id>` / `gap:<id>`) → shown or hidden, where the user changed the default. */
export type ColumnChoice = ReadonlyMap<string, boolean>;

/** The column's key. */
export function columnId(c: PopulationColumn): string {
  return `${c.kind}:${c.id}`;
}

/** Whether a column is shown: the user's choice, else measures shown and gaps hidden. */
export function isShown(c: PopulationColumn, choice: ColumnChoice): boolean {
  return choice.get(columnId(c)) ?? c.kind === 'measure';
}

/** The shown columns, in table order. */
export function shownColumns(columns: readonly PopulationColumn[], choice: ColumnChoice): PopulationColumn[] {
  return columns.filter((c) => isShown(c, choice));
}

/** Props of {@link ColumnChooser}. */
export interface ColumnChooserProps {
  columns: readonly PopulationColumn[];
  choice: ColumnChoice;
  onChange(choice: ColumnChoice): void;
}

/** A disclosure with one checkbox per column and three presets. */
export function ColumnChooser({ columns, choice, onChange }: ColumnChooserProps) {
  const shown = columns.filter((c) => isShown(c, choice)).length;
  const set = (pick: (c: PopulationColumn) => boolean) => onChange(new Map(columns.map((c) => [columnId(c), pick(c)])));
  const group = (kind: PopulationColumn['kind'], legend: string) => {
    const list = columns.filter((c) => c.kind === kind);
    if (!list.length) {
      return null;
    }
    return (
      <fieldset>
        <legend>{legend}</legend>
        {list.map((c) => (
          <label key={columnId(c)} title={c.title}>
            <input
              type="checkbox"
              checked={isShown(c, choice)}
              onChange={(e) => onChange(new Map(choice).set(columnId(c), e.target.checked))}
              data-testid={`column-${columnId(c)}`}
            />{' '}
            {columnLabel(c)}
          </label>
        ))}
      </fieldset>
    );
  };
  return (
    <details className="pop-columns" data-testid="column-chooser">
      <summary>
        Columns: {shown} of {columns.length} measures and gaps shown
      </summary>
      <div className="pop-columns-body">
        <div className="pop-columns-presets">
          <button type="button" onClick={() => set((c) => c.kind === 'measure')} data-testid="columns-measures">
            Measures only
          </button>
          <button type="button" onClick={() => set(() => true)} data-testid="columns-all">
            All
          </button>
          <button type="button" onClick={() => set(() => false)} data-testid="columns-none">
            None
          </button>
        </div>
        {group('measure', 'Measures')}
        {group('gap', 'Care gaps')}
      </div>
    </details>
  );
}
