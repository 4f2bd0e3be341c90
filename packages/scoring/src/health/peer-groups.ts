import type { PartnerPeriodMetrics } from '@ppm/core';
import type { PeerAttribute } from '../config/schema-health.js';
import { attributeReaders } from '../metric-readers.js';

/** The whole program: the peer group of rows whose own group is too small. */
export const programGroup = 0;

/**
 * Peer groups of one period. Group 0 is the whole program; groups 1.. are the combinations
 * of the configured attributes. `effective` is the group a row is compared with.
 */
export interface PeerGroups {
  readonly count: number;
  readonly member: Int32Array;
  readonly effective: Int32Array;
  /** 1 for groups some row is compared with (only those need sorted values). */
  readonly used: Uint8Array;
  readonly labels: readonly string[];
}

type Node = Map<string, Node | number>;

function assignGroups(rows: readonly PartnerPeriodMetrics[], attributes: readonly PeerAttribute[], labels: string[], member: Int32Array): void {
  if (attributes.length === 0) {
    member.fill(programGroup, 0, rows.length);
    return;
  }
  const root: Node = new Map();
  const last = attributes.length - 1;
  const readers = attributes.map((attribute) => attributeReaders[attribute]);
  const lastReader = readers[last]!;
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    let node = root;
    for (let level = 0; level < last; level++) {
      const key = readers[level]!(row);
      let next = node.get(key) as Node | undefined;
      if (!next) node.set(key, (next = new Map()));
      node = next;
    }
    const key = lastReader(row);
    member[index] = (node.get(key) as number | undefined) ?? addGroup(node, key, row, attributes, labels);
  }
}

/**
 * A new group for the combination of `row`, labelled "partner_type=var, region=emea". Its own
 * function: a closure over `row` inside the loop made V8 allocate a context for every row.
 */
function addGroup(node: Node, key: string, row: PartnerPeriodMetrics, attributes: readonly PeerAttribute[], labels: string[]): number {
  const group = labels.push(attributes.map((attribute) => `${attribute}=${row[attribute]}`).join(', ')) - 1;
  node.set(key, group);
  return group;
}

/** Fills `member` (scratch) and `effective` (kept with the frame), both at least rows.length long. */
export function buildPeerGroups(
  rows: readonly PartnerPeriodMetrics[],
  attributes: readonly PeerAttribute[],
  minSize: number,
  member: Int32Array,
  effective: Int32Array,
): PeerGroups {
  const labels = ['program'];
  assignGroups(rows, attributes, labels, member);
  const sizes = new Int32Array(labels.length);
  for (let row = 0; row < rows.length; row++) sizes[member[row]!]! += 1;
  const used = new Uint8Array(labels.length);
  for (let row = 0; row < rows.length; row++) {
    const group = member[row]!;
    const own = sizes[group]! >= minSize ? group : programGroup;
    effective[row] = own;
    used[own] = 1;
  }
  return { count: labels.length, member, effective, used, labels };
}
