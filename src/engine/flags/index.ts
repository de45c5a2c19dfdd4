/** Every risk-flag family the engine evaluates. Add a family by listing it here. */
import type { FlagDefinition } from '../measure-definition.ts';

export const FLAG_FAMILIES: readonly FlagDefinition[] = [];
