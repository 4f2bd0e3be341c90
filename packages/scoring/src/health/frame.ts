import type { PartnerPeriodMetrics } from '@ppm/core';
import { categoryCount, combineScores, type CombinedScores } from './combine.js';
import type { HealthMemory } from './memory.js';
import { normalizeColumn } from './normalize.js';
import { buildPeerGroups } from './peer-groups.js';
import type { HealthComponent, HealthPlan } from './plan.js';

/**
 * Health scores of one period in columns, rows in the order of the period's input rows: what
 * the trend, segments, tiers and bulk columns read. The arrays are views into `buffer`, which
 * HealthMemory recycles once the period is released.
 */
export interface HealthScores extends CombinedScores {
  readonly period: string;
  readonly size: number;
  /** Effective peer group of each row, an index into peerGroupLabels (0 = whole program). */
  readonly peerGroup: Int32Array;
  readonly peerGroupLabels: readonly string[];
  readonly buffer: ArrayBuffer;
}

/**
 * A period's scores with what explaining its rows reads, in `detailBuffer` (several times
 * the size of the scores, so it is kept for fewer periods: see ScoringContext.health).
 */
export interface HealthFrame extends HealthScores {
  readonly componentCount: number;
  /**
   * 0..1 after direction (1 = best) and the missing-data policy, NaN where the component was
   * dropped; component c of row r at r * componentCount + c.
   */
  readonly normalized: Float32Array;
  /** The metric value of component c of row r at c * size + r (column-major), NaN where missing. */
  readonly values: Float64Array;
  /** 1 where the metric of component c of row r was missing (at r * componentCount + c). */
  readonly missing: Uint8Array;
  /** Rounded points per row and component, filled when a row is first explained (see rowPoints). */
  readonly points: Uint8Array;
  /** 1 once a row's points are filled in. */
  readonly pointsReady: Uint8Array;
  readonly detailBuffer: ArrayBuffer;
}

function imputed(component: HealthComponent): number {
  return component.missing === 'neutral' ? 0.5 : component.missing === 'zero' ? 0 : NaN;
}

type FrameArrays = CombinedScores & Pick<HealthFrame, 'values' | 'normalized' | 'missing' | 'points' | 'pointsReady' | 'peerGroup' | 'buffer' | 'detailBuffer'>;

/** Offsets of consecutive arrays in one buffer; lay wider types out first so every view is aligned. */
function layout(): (length: number, width: number) => number {
  let offset = 0;
  return (length, width) => {
    const at = offset;
    offset += length * width;
    return at;
  };
}

/** The frame's arrays, in a buffer for the scores and one for the detail that explanations read. */
function frameArrays(memory: HealthMemory, size: number, count: number): FrameArrays {
  const buffer = memory.scoreBuffers.take(size * (4 * categoryCount + 4 + 2));
  const detailBuffer = memory.detailBuffers.take(size * (14 * count + 1));
  const scores = layout();
  const detail = layout();
  return {
    buffer,
    detailBuffer,
    categoryScore: new Float32Array(buffer, scores(size * categoryCount, 4), size * categoryCount),
    peerGroup: new Int32Array(buffer, scores(size, 4), size),
    score: new Uint8Array(buffer, scores(size, 1), size),
    grade: new Uint8Array(buffer, scores(size, 1), size),
    values: new Float64Array(detailBuffer, detail(size * count, 8), size * count),
    normalized: new Float32Array(detailBuffer, detail(size * count, 4), size * count),
    missing: new Uint8Array(detailBuffer, detail(size * count, 1), size * count),
    points: new Uint8Array(detailBuffer, detail(size * count, 1), size * count),
    pointsReady: new Uint8Array(detailBuffer, detail(size, 1), size).fill(0),
  };
}

function normalizeAll(rows: readonly PartnerPeriodMetrics[], plan: HealthPlan, memory: HealthMemory, arrays: FrameArrays): readonly string[] {
  const size = rows.length;
  const count = plan.components.length;
  const groups = buildPeerGroups(rows, plan.peerAttributes, plan.minPeerSize, memory.member, arrays.peerGroup);
  plan.readColumns(rows, arrays.values);
  const scaled = memory.scaled.subarray(0, size);
  for (let index = 0; index < count; index++) {
    const component = plan.components[index]!;
    normalizeColumn(component, arrays.values.subarray(index * size, (index + 1) * size), groups, memory, scaled);
    const fallback = imputed(component);
    for (let row = 0; row < size; row++) {
      const value = scaled[row]!;
      const absent = Number.isNaN(value);
      arrays.normalized[row * count + index] = absent ? fallback : value;
      arrays.missing[row * count + index] = absent ? 1 : 0;
    }
  }
  return groups.labels;
}

export function computeHealthFrame(rows: readonly PartnerPeriodMetrics[], period: string, plan: HealthPlan, memory: HealthMemory): HealthFrame {
  const size = rows.length;
  const count = plan.components.length;
  memory.prepare(size);
  const arrays = frameArrays(memory, size, count);
  const peerGroupLabels = normalizeAll(rows, plan, memory, arrays);
  combineScores(plan, arrays.normalized, size, arrays);
  return { period, size, componentCount: count, peerGroupLabels, ...arrays };
}
