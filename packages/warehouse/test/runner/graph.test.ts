import { describe, expect, it } from 'vitest';
import { findCycle, topologicalOrder } from '../../src/runner/graph.js';

const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

describe('topologicalOrder', () => {
  it.each([
    ['independent nodes by name', { c: [], a: [], b: [] }, ['a', 'b', 'c']],
    ['a chain', { a: ['b'], b: ['c'], c: [] }, ['c', 'b', 'a']],
    ['ties by name once ready', { z: [], y: ['z'], a: ['y'], b: [] }, ['b', 'z', 'y', 'a']],
    ['a diamond', { top: [], left: ['top'], right: ['top'], bottom: ['left', 'right'] }, ['top', 'left', 'right', 'bottom']],
  ])('orders %s', (_case, edges, expected) => {
    expect(topologicalOrder(graph(edges))).toEqual(expected);
  });

  it('is the same whatever order the nodes come in', () => {
    const edges = { d: ['b', 'c'], c: ['a'], b: ['a'], a: [], e: [] };
    const reversed = Object.fromEntries(Object.entries(edges).reverse());
    expect(topologicalOrder(graph(reversed))).toEqual(topologicalOrder(graph(edges)));
  });

  it('refuses a cycle with its path', () => {
    expect(() => topologicalOrder(graph({ a: ['b'], b: ['c'], c: ['a'] }))).toThrowError('Models depend on each other in a cycle: a -> b -> c -> a');
  });
});

describe('findCycle', () => {
  it.each([
    ['none', { a: ['b'], b: [] }, undefined],
    ['a self-reference', { a: ['a'] }, ['a', 'a']],
    ['a cycle below an entry node', { entry: ['x'], x: ['y'], y: ['x'] }, ['x', 'y', 'x']],
  ])('finds %s', (_case, edges, expected) => {
    expect(findCycle(graph(edges))).toEqual(expected);
  });
});
