/** The value sets shipped with the engine (facts from the measure specifications). */
import { ValueSetRegistry, type ValueSetDef } from './value-set.ts';
import { CATALOG } from './catalog/index.ts';

/** Every built-in value set. */
export const BUILTIN_VALUE_SETS: readonly ValueSetDef[] = CATALOG;

let builtin: ValueSetRegistry | undefined;
/** The registry of built-in value sets, built once. */
export function builtinValueSets(): ValueSetRegistry {
  return (builtin ??= new ValueSetRegistry(BUILTIN_VALUE_SETS));
}
