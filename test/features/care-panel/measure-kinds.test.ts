/**
 * The panel asks the measure definitions, not measure ids (#16 §5): which forms close a measure's
 * gap (from the step its result names — never from the gap's text), the visit wording of CMS2's
 * `screen` step, the focus measures and the gap a form closes when opened from the header.
 */
import { describe, expect, it } from 'vitest';
import type { GapResult, MeasureResult } from '../../../src/engine/index.ts';
import { gapActions } from '../../../src/features/care-panel/order-findings.ts';
import { clinicianClosing, measureOfGap } from '../../../src/features/care-panel/describe-status.ts';
import { isFocusMeasure } from '../../../src/features/care-panel/measure-list.tsx';
import { DEFAULT_GAP_OF_FORM } from '../../../src/features/care-panel/write-outcome.ts';
import { measureResult } from '../../engine/gaps/gap-fixtures.ts';

const gap = (id: string, closes: string, measureId?: string): GapResult => ({
  id,
  title: id,
  status: 'open',
  why: `${id} why`,
  closes,
  evidence: [],
  ...(measureId ? { measureId } : {}),
});
const cms2 = (closingStep: string): MeasureResult => measureResult('cms2', 'not-met', { closingStep });

describe('care panel: measure behaviour from the definitions', () => {
  it('offers the follow-up plan first when the CMS2 result names the follow-up step, whatever the text says', () => {
    const open = gap('cms2', 'Screen for depression with a standardized tool; a follow-up plan …', 'cms2');
    expect(gapActions(open, [cms2('follow-up')])).toEqual(['follow-up', 'phq']);
    // a plan counts only after a positive screen, so the screen and code steps offer the PHQ alone
    expect(gapActions(open, [cms2('screen')])).toEqual(['phq']);
    expect(gapActions(open, [cms2('code')])).toEqual(['phq']);
    expect(gapActions(gap('sdoh-screening', 'Screen for food', 'sdoh-screening'), [])).toEqual(['hrsn']);
    expect(gapActions(gap('phq9-monitoring', 'PHQ-9'), [])).toEqual(['phq']);
    expect(gapActions(gap('cms130', 'Colonoscopy', 'cms130'), [])).toEqual([]);
  });

  it("words CMS2's screen step for the visit, and leaves a gap that only names CMS2 as it is", () => {
    const what = 'Screen for depression with an age-appropriate standardized tool and code the result';
    const measures = [cms2('screen')];
    expect(clinicianClosing(measureOfGap(gap('cms2', what, 'cms2'), measures), what)).toMatch(
      /^Screen for depression with a standardized tool \(PHQ-2/,
    );
    expect(clinicianClosing(cms2('follow-up'), what)).toBe(what);
    const coding = gap('depression-screening-coding', 'Record the result of the depression screening', 'cms2');
    expect(measureOfGap(coding, measures)).toBeUndefined();
  });

  it('shows the measures with a point-of-care kind in full and opens header forms on their gaps', () => {
    expect(['cms2', 'sdoh-screening', 'cms165', 'fuh'].filter(isFocusMeasure)).toEqual(['cms2', 'sdoh-screening']);
    expect(DEFAULT_GAP_OF_FORM).toEqual({ phq: 'cms2', 'follow-up': 'cms2', hrsn: 'sdoh-screening' });
  });
});
