/** The value sets shipped with the engine (facts from the measure specifications). */
import { ValueSetRegistry, type ValueSetDef } from './value-set.ts';
import { CATALOG } from './catalog/index.ts';
import { PROJECT_VALUE_SETS } from './project/index.ts';

/** Every built-in value set: the VSAC-authored catalog and the project's own sets. */
export const BUILTIN_VALUE_SETS: readonly ValueSetDef[] = [...CATALOG, ...PROJECT_VALUE_SETS];

let builtin: ValueSetRegistry | undefined;
/** The registry of built-in value sets, built once. */
export function builtinValueSets(): ValueSetRegistry {
  return (builtin ??= new ValueSetRegistry(BUILTIN_VALUE_SETS));
}
