import { describe, expect, it } from 'vitest';
import { entities, entityNames, metricNames, metricsCatalog } from '../src/index.js';

describe('data contract', () => {
  it('defines every entity once, in an order where references come first', () => {
    expect(entities.map((definition) => definition.name).sort()).toEqual([...entityNames].sort());
    entities.forEach((definition, index) => {
      for (const dependency of definition.dependsOn) {
        expect(entities.findIndex((other) => other.name === dependency)).toBeLessThan(index);
      }
    });
  });

  it('has key, money and date-order fields that exist on the entity', () => {
    for (const definition of entities) {
      const names = new Set(definition.fields.map((field) => field.name));
      const mentioned = [
        ...definition.key,
        ...(definition.derivedKeyFrom ?? []),
        ...definition.money.flatMap((money) => [money.amount, money.currency, money.at]),
        ...(definition.dateOrder ?? []).flat(),
      ];
      for (const name of mentioned) expect(names, `${definition.name}.${name}`).toContain(name);
    }
  });

  it('never gives two fields of an entity the same name or alias', () => {
    for (const definition of entities) {
      const headers = definition.fields.flatMap((field) => [field.name, ...(field.aliases ?? [])]);
      expect(new Set(headers).size, definition.name).toBe(headers.length);
    }
  });
});

describe('metrics catalog', () => {
  it('describes every metric exactly once', () => {
    expect(metricsCatalog.map((metric) => metric.name)).toEqual([...metricNames]);
  });

  it('builds ratios only from metrics that sum', () => {
    for (const metric of metricsCatalog) {
      if (metric.aggregation.kind !== 'ratio') continue;
      const parts = [metric.aggregation.numerator, metric.aggregation.denominator];
      for (const part of parts) {
        const partKind = metricsCatalog.find((candidate) => candidate.name === part)?.aggregation.kind;
        expect(['sum', 'snapshot', 'max'], `${metric.name} uses ${part}`).toContain(partKind);
      }
    }
  });
});

describe('docs/data-contract.md', () => {
  it('is the rendering of the contract (regenerate with `pnpm docs:generate`)', async () => {
    const { readFileSync } = await import('node:fs');
    const { renderDataContract } = await import('../src/index.js');
    const committed = readFileSync(new URL('../../../docs/data-contract.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderDataContract());
  });
});

describe('docs/metrics.md', () => {
  it('defines every metric of the catalog under its exact name', async () => {
    const { readFileSync } = await import('node:fs');
    const { metricNames: names } = await import('../src/index.js');
    const glossary = readFileSync(new URL('../../../docs/metrics.md', import.meta.url), 'utf8');
    const missing = names.filter((name) => !glossary.includes(`| \`${name}\` |`));
    expect(missing).toEqual([]);
  });
});
