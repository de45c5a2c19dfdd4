/** Every measure the engine evaluates, in display order. Add a measure by listing it here. */
import type { MeasureDefinition } from '../measure-definition.ts';
import { CMS2 } from './cms2-depression-screening.ts';
import { SDOH_SCREENING } from './sdoh-screening.ts';
import { CMS165 } from './cms165-controlling-high-blood-pressure.ts';
import { CMS122 } from './cms122-glycemic-status-above-nine.ts';
import { CMS130 } from './cms130-colorectal-cancer-screening.ts';
import { CMS125 } from './cms125-breast-cancer-screening.ts';
import { EPISODE_MEASURES } from '../episode-measures/index.ts';

export const MEASURES: readonly MeasureDefinition[] = [
  CMS2,
  SDOH_SCREENING,
  CMS165,
  CMS122,
  CMS130,
  CMS125,
  ...EPISODE_MEASURES,
];
