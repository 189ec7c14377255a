/**
 * The hub's complaint figures for the stores and period chosen: the device's own
 * `complaintFigures` (core/domain/review/complaint-figures.ts) over the same rollups, and per
 * complaint step the range of targets the devices in scope have now (one target when they agree;
 * a step over target was judged by the target in force on its device when the service ended).
 */
import { DEFAULT_CONFIG, type Config } from '../core/domain/device/config';
import type { ComplaintStepId } from '../core/domain/flow/complaint-flow';
import { complaintFigures, type ComplaintFigures } from '../core/domain/review/complaint-figures';
import type { RollupRow } from '../core/domain/review/rollup';

export interface ComplaintBoard {
  figures: ComplaintFigures;
  /** Each step's target now (seconds), lowest and highest over the devices in scope. */
  targets: Record<ComplaintStepId, { min: number; max: number }>;
}

/** `configs`: the configuration now of each device with rollups in `rows` (none: the standard). */
export function complaintBoard(
  rows: readonly RollupRow[],
  configs: readonly Pick<Config, 'complaintFlow'>[],
): ComplaintBoard {
  const flows = configs.length > 0 ? configs.map((config) => config.complaintFlow) : [];
  const [first = DEFAULT_CONFIG.complaintFlow] = flows;
  const figures = complaintFigures(rows, first);
  const targets = Object.fromEntries(
    figures.steps.map((step) => {
      const all = flows.flatMap(
        (flow) => flow.steps.find((entry) => entry.id === step.id)?.targetSeconds ?? [],
      );
      return [
        step.id,
        all.length > 0
          ? { min: Math.min(...all), max: Math.max(...all) }
          : { min: step.targetSeconds, max: step.targetSeconds },
      ];
    }),
  ) as ComplaintBoard['targets'];
  return { figures, targets };
}
