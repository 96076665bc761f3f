import type { Anomaly, CheckedFigure } from './consistency.ts';
import { METRICS, type MetricId } from './metrics.ts';
import type { IcsSystem } from './model.ts';

/**
 * The checks that cast doubt on the figures a metric uses for this row: a ranking, total, average or comparison
 * that uses the metric marks the row ⚠ and says why, never silently. Printing slips that read unambiguously (a
 * unit left off) and figures that are simply missing (left out and named) do not mark a row.
 */
export function flagsFor(system: IcsSystem, metric: MetricId): Anomaly[] {
  const uses = METRICS[metric].uses ?? [];
  return inconsistencies(system).filter((a) => a.affects.some((f) => uses.includes(f)));
}

/** The row's checks that say one of its figures is wrong (not printing slips, not missing figures). */
export function inconsistencies(system: IcsSystem): Anomaly[] {
  return system.anomalies.filter((a) => a.severity === 'inconsistency');
}

/** Whether the row's checks doubt this published figure, for totals that add it up. */
export function doubtsFigure(system: IcsSystem, figure: CheckedFigure): boolean {
  return inconsistencies(system).some((a) => a.affects.includes(figure));
}

export function isFlagged(system: IcsSystem, metric: MetricId): boolean {
  return flagsFor(system, metric).length > 0;
}

/** One line per flagged row, for the notes under a ranking or total: "⚠ Staffordshire and Stoke-on-Trent: …". */
export function flagLines(systems: readonly IcsSystem[], metric: MetricId): string[] {
  return systems.flatMap((s) => {
    const flags = flagsFor(s, metric);
    return flags.length === 0 ? [] : [`⚠ ${s.shortName}: ${flags.map((f) => f.short).join('; ')}`];
  });
}
