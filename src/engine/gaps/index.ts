/** Every care-gap family the engine evaluates. Add a family by listing it here. */
import type { GapDefinition } from '../measure-definition.ts';

export const GAP_FAMILIES: readonly GapDefinition[] = [];
