import type { PartnerPeriodMetrics } from '@ppm/core';
import type { MetricReader } from '../metric-readers.js';
import { categoryCount, combineScores, type CombinedScores } from './combine.js';
import type { HealthMemory } from './memory.js';
import { normalizeColumn } from './normalize.js';
import { buildPeerGroups } from './peer-groups.js';
import type { HealthComponent, HealthPlan } from './plan.js';

/**
 * Health scores of one period in columns, rows in the order of the period's input rows.
 * The arrays are views into `buffer`, which HealthMemory recycles once the frame is dropped.
 */
export interface HealthFrame extends CombinedScores {
  readonly period: string;
  readonly size: number;
  readonly componentCount: number;
  /**
   * 0..1 after direction (1 = best) and the missing-data policy, NaN where the component was
   * dropped; component c of row r at r * componentCount + c.
   */
  readonly normalized: Float32Array;
  /** 1 where the metric of component c of row r was missing (at r * componentCount + c). */
  readonly missing: Uint8Array;
  /** Rounded points per row and component, filled when a row is first explained (see rowPoints). */
  readonly points: Uint8Array;
  /** 1 once a row's points are filled in. */
  readonly pointsReady: Uint8Array;
  /** Effective peer group of each row, an index into peerGroupLabels (0 = whole program). */
  readonly peerGroup: Int32Array;
  readonly peerGroupLabels: readonly string[];
  readonly buffer: ArrayBuffer;
}

/**
 * Reads every scored metric in one pass over the row objects (they are scattered in memory;
 * one pass per metric would miss the cache once per read), column-major, NaN for null.
 */
function readValues(rows: readonly PartnerPeriodMetrics[], readers: readonly MetricReader[], values: Float64Array): void {
  const size = rows.length;
  for (let row = 0; row < size; row++) {
    const source = rows[row]!;
    for (let index = 0; index < readers.length; index++) {
      const value = readers[index]!(source);
      values[index * size + row] = value === null || value === undefined ? NaN : value;
    }
  }
}

function imputed(component: HealthComponent): number {
  return component.missing === 'neutral' ? 0.5 : component.missing === 'zero' ? 0 : NaN;
}

type FrameArrays = CombinedScores & Pick<HealthFrame, 'normalized' | 'missing' | 'points' | 'pointsReady' | 'peerGroup' | 'buffer'>;

/** Lays the frame's arrays out in one buffer, 4-byte types first so every view is aligned. */
function frameArrays(memory: HealthMemory, size: number, count: number): FrameArrays {
  const bytes = size * (4 * count + 4 * categoryCount + 4 + 2 * count + 3);
  const buffer = memory.take(bytes);
  let offset = 0;
  const next = (length: number, width: number): number => {
    const at = offset;
    offset += length * width;
    return at;
  };
  return {
    buffer,
    normalized: new Float32Array(buffer, next(size * count, 4), size * count),
    categoryScore: new Float32Array(buffer, next(size * categoryCount, 4), size * categoryCount),
    peerGroup: new Int32Array(buffer, next(size, 4), size),
    missing: new Uint8Array(buffer, next(size * count, 1), size * count),
    points: new Uint8Array(buffer, next(size * count, 1), size * count),
    pointsReady: new Uint8Array(buffer, next(size, 1), size).fill(0),
    score: new Uint8Array(buffer, next(size, 1), size),
    grade: new Uint8Array(buffer, next(size, 1), size),
  };
}

function normalizeAll(rows: readonly PartnerPeriodMetrics[], plan: HealthPlan, memory: HealthMemory, arrays: FrameArrays): readonly string[] {
  const size = rows.length;
  const count = plan.components.length;
  const groups = buildPeerGroups(rows, plan.peerAttributes, plan.minPeerSize, memory.member, arrays.peerGroup);
  readValues(rows, plan.readers, memory.values);
  const scaled = memory.scaled.subarray(0, size);
  for (let index = 0; index < count; index++) {
    const component = plan.components[index]!;
    normalizeColumn(component, memory.values.subarray(index * size, (index + 1) * size), groups, memory, scaled);
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
  memory.prepare(size, count);
  const arrays = frameArrays(memory, size, count);
  const peerGroupLabels = normalizeAll(rows, plan, memory, arrays);
  combineScores(plan, arrays.normalized, size, arrays);
  return { period, size, componentCount: count, peerGroupLabels, ...arrays };
}
