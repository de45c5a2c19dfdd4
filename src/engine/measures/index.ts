/** Every measure the engine evaluates, in display order. Add a measure by listing it here. */
import type { MeasureDefinition } from '../measure-definition.ts';

export const MEASURES: readonly MeasureDefinition[] = [];
