import type { ScoringHistory } from '../history.js';
import type { HealthScores } from './frame.js';
import type { ColumnAllocator } from './memory.js';

export interface Trend {
  /** Least-squares slope of the score in points per period; NaN with fewer than 2 points. */
  readonly slope: Float32Array;
  /** Periods with a score in the window. */
  readonly points: Uint8Array;
}

/** Slope of each row's score over the `periods` periods ending at `period` (x = period index). */
export function computeTrend(
  history: ScoringHistory,
  period: number,
  periods: number,
  scoresAt: (period: number) => HealthScores,
  allocate: ColumnAllocator,
): Trend {
  const partners = history.partnerOf[period]!;
  const first = Math.max(0, period - periods + 1);
  const frames = Array.from({ length: period - first + 1 }, (_, offset) => scoresAt(first + offset));
  const slope = allocate.float32(partners.length);
  const points = allocate.uint8(partners.length);
  for (let row = 0; row < partners.length; row++) {
    let n = 0;
    let sx = 0;
    let sy = 0;
    let sxx = 0;
    let sxy = 0;
    for (let x = 0; x < frames.length; x++) {
      const index = history.rowIndex[first + x]![partners[row]!]!;
      if (index < 0) continue;
      const y = frames[x]!.score[index]!;
      n++;
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
    }
    const denominator = n * sxx - sx * sx;
    slope[row] = n >= 2 && denominator > 0 ? (n * sxy - sx * sy) / denominator : NaN;
    points[row] = n;
  }
  return { slope, points };
}
