// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PhqScore } from '../../../src/fhir/write-back-depression.ts';
import { PhqForm } from '../../../src/features/screening-forms/phq-form.tsx';
import type { PhqAnswers } from '../../../src/features/screening-forms/phq-scoring.ts';

afterEach(cleanup);

function Harness({ onReview }: { onReview: (s: PhqScore) => void }) {
  const [answers, setAnswers] = useState<PhqAnswers>([]);
  const [full, setFull] = useState(false);
  return <PhqForm answers={answers} onChange={setAnswers} fullPhq9={full} onFullPhq9={setFull} onReview={onReview} />;
}

const pick = (item: number, points: number) =>
  fireEvent.click(screen.getByTestId(`phq-item-${item}`).querySelector(`input[value="${points}"]`)!);

describe('administering the PHQ-2 → PHQ-9', () => {
  it('asks only the two PHQ-2 items first and finishes a negative PHQ-2 of 2', () => {
    const onReview = vi.fn();
    render(<Harness onReview={onReview} />);
    expect(screen.queryByTestId('phq-item-3')).toBeNull();
    pick(1, 1);
    pick(2, 1);
    expect(screen.getByTestId('phq-score').textContent).toContain('PHQ-2 total 2 of 6 — negative');
    fireEvent.click(screen.getByTestId('phq-review'));
    expect(onReview).toHaveBeenCalledWith({ instrument: 'phq2', itemPoints: [1, 1], total: 2, positive: false });
  });
  it('opens items 3–9 at a PHQ-2 of 3 and cannot be saved until all nine are answered', () => {
    render(<Harness onReview={vi.fn()} />);
    pick(1, 2);
    pick(2, 1);
    expect(screen.getByTestId('phq-item-9')).toBeTruthy();
    expect((screen.getByTestId('phq-review') as HTMLButtonElement).disabled).toBe(true);
  });
  it('highlights item 9 and shows the safety prompt as soon as it is above "Not at all"', () => {
    const onReview = vi.fn();
    render(<Harness onReview={onReview} />);
    pick(1, 2);
    pick(2, 2);
    expect(screen.getByTestId('phq-item-9').className).toContain('item9');
    for (const i of [3, 4, 5, 6, 7, 8]) {
      pick(i, 0);
    }
    pick(9, 0);
    expect(screen.queryByTestId('safety-prompt')).toBeNull();
    pick(9, 1);
    expect(screen.getByTestId('safety-prompt').getAttribute('role')).toBe('alert');
    expect(screen.getByTestId('phq-score').textContent).toContain('PHQ-9 total 5 of 27 (mild) — negative screen');
    fireEvent.click(screen.getByTestId('phq-review'));
    expect(onReview).toHaveBeenCalledWith(expect.objectContaining({ instrument: 'phq9', total: 5, positive: false }));
  });
});
