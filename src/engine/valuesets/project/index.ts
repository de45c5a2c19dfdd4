/**
 * The project's own value sets: code lists that are not VSAC expansions (registry measures, gap
 * policies). They carry project URLs, so they can never be mistaken for a measure's pinned set.
 */
import type { ValueSetDef } from '../value-set.ts';
import { MIPS_487_ENCOUNTER } from './mips-487-encounter.ts';

export { MIPS_487_ENCOUNTER };

/** Every project value set. */
export const PROJECT_VALUE_SETS: readonly ValueSetDef[] = [MIPS_487_ENCOUNTER];
