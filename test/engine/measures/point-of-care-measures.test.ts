/**
 * The point-of-care profiles (measures/point-of-care-measures.ts) are the measure definitions'
 * own knowledge, not a copy: every built-in measure with a kind or with forms on its action has
 * one, with the very same gap ids, action and kind, and no profile lacks its measure.
 */
import { describe, expect, it } from 'vitest';
import {
  MEASURES,
  POINT_OF_CARE_MEASURES,
  definitionOfGap,
  measureGapForms,
  measureKind,
} from '../../../src/engine/index.ts';

const special = MEASURES.filter(
  (d) => d.kind !== undefined || Object.values(d.action?.steps ?? {}).some((s) => s?.forms?.length),
);

describe('point-of-care profiles', () => {
  it('list exactly the measures with a kind or forms, in the order of MEASURES', () => {
    expect(POINT_OF_CARE_MEASURES.map((p) => p.id)).toEqual(special.map((d) => d.id));
  });

  it.each(special.map((d) => [d.id, d] as const))(
    '%s: the same gap ids, action and kind as its definition',
    (id, def) => {
      const profile = POINT_OF_CARE_MEASURES.find((p) => p.id === id)!;
      expect(profile.gapIds).toBe(def.gapIds);
      expect(profile.action).toBe(def.action);
      expect(profile.kind).toBe(def.kind);
    },
  );

  it('answer the panel as the definitions would', () => {
    for (const def of MEASURES) {
      expect(measureKind(def.id)).toBe(measureKind(def.id, MEASURES));
      for (const gapId of def.gapIds) {
        const gap = { id: gapId, measureId: def.id };
        expect(definitionOfGap(gap)?.id === def.id || definitionOfGap(gap) === undefined).toBe(true);
        expect(measureGapForms(gap, [])).toEqual(measureGapForms(gap, [], MEASURES));
      }
    }
  });
});
