// @vitest-environment jsdom
/**
 * The panel names each bad resource (issue #14 §4): one line per data problem with resource, field
 * and message, opened when something could not be read; nothing when the record is clean.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DataIssues } from '../../../src/features/care-panel/data-issues.tsx';

afterEach(cleanup);

describe('data problems of the record', () => {
  it('lists each issue with resource, field and message, open when a resource could not be read', () => {
    render(
      <DataIssues
        issues={[
          {
            resourceType: 'Observation',
            id: 'deep',
            field: 'valueQuantity.nested.a.a.a.a…',
            message: 'nested more than 64 levels deep (no FHIR resource is): ignored',
            severity: 'error',
          },
          {
            resourceType: 'Encounter',
            id: 'e1',
            field: 'period',
            message: 'start is not a FHIR dateTime',
            severity: 'warning',
          },
        ]}
      />,
    );
    const items = screen.getAllByTestId('data-issue');
    expect(items.map((i) => i.textContent)).toEqual([
      'Observation/deep valueQuantity.nested.a.a.a.a…: nested more than 64 levels deep (no FHIR resource is): ignored',
      'Encounter/e1 period: start is not a FHIR dateTime',
    ]);
    expect(screen.getByTestId('data-issues').querySelector('details')?.open).toBe(true);
    expect(screen.getByText(/2 data problems in this record \(1 resource or element could not be read\)/)).toBeTruthy();
  });

  it('renders nothing for a clean record', () => {
    const { container } = render(<DataIssues issues={[]} />);
    expect(container.innerHTML).toBe('');
  });
});
