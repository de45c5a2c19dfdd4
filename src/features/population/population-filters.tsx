/**
 * The patient table's filters: open gaps only, a risk flag (by label), a measure, an attributed
 * clinician and free text (name, MRN, birth date, id), with the count shown.
 */
import { flagLabel, measureLabel } from './finding-labels.ts';
import type { ClinicianSummary } from './population-summary.ts';
import type { PopulationColumn, PopulationFilter } from './population-table-model.ts';

/** Props of {@link PopulationFilters}. */
export interface PopulationFiltersProps {
  filter: PopulationFilter;
  onChange(update: (f: PopulationFilter) => PopulationFilter): void;
  flagIds: readonly string[];
  columns: readonly PopulationColumn[];
  clinicians: readonly ClinicianSummary[];
  shown: number;
  total: number;
}

/** Sets or clears one optional key of the filter. */
function withKey<K extends keyof PopulationFilter>(
  f: PopulationFilter,
  key: K,
  value: PopulationFilter[K] | undefined,
): PopulationFilter {
  const next = { ...f };
  if (value === undefined || value === '') {
    delete next[key];
  } else {
    next[key] = value;
  }
  return next;
}

/** The filter bar. */
export function PopulationFilters({
  filter,
  onChange,
  flagIds,
  columns,
  clinicians,
  shown,
  total,
}: PopulationFiltersProps) {
  const flags = [...flagIds].map((id) => ({ id, label: flagLabel(id) })).sort((a, b) => a.label.localeCompare(b.label));
  return (
    <div className="pop-filters" role="group" aria-label="Filters">
      <label>
        <input
          type="checkbox"
          checked={filter.openGapsOnly === true}
          onChange={(e) => onChange((f) => withKey(f, 'openGapsOnly', e.target.checked || undefined))}
          data-testid="filter-open-gaps"
        />{' '}
        Open gaps only
      </label>
      <label>
        Clinician{' '}
        <select
          value={filter.clinicianKey ?? ''}
          onChange={(e) => onChange((f) => withKey(f, 'clinicianKey', e.target.value))}
          data-testid="filter-clinician"
        >
          <option value="">Any</option>
          {clinicians.map((c) => (
            <option key={c.key} value={c.key}>
              {c.label} ({c.patients})
            </option>
          ))}
        </select>
      </label>
      <label>
        Flag{' '}
        <select
          value={filter.flagId ?? ''}
          onChange={(e) => onChange((f) => withKey(f, 'flagId', e.target.value))}
          data-testid="filter-flag"
        >
          <option value="">Any</option>
          {flags.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Measure{' '}
        <select
          value={filter.measureId ?? ''}
          onChange={(e) => onChange((f) => withKey(f, 'measureId', e.target.value))}
          data-testid="filter-measure"
        >
          <option value="">Any</option>
          {columns
            .filter((c) => c.kind === 'measure')
            .map((c) => (
              <option key={c.id} value={c.id}>
                {measureLabel(c.id, c.title)}
              </option>
            ))}
        </select>
      </label>
      <label>
        Search{' '}
        <input
          type="search"
          placeholder="name, MRN, birth date"
          value={filter.text ?? ''}
          onChange={(e) => onChange((f) => withKey(f, 'text', e.target.value))}
          data-testid="filter-text"
        />
      </label>
      <span className="muted" data-testid="population-row-count">
        {shown} of {total} shown
      </span>
    </div>
  );
}
