import { metricDefinition, metricNames, type MetricName, type MetricUnit } from '@ppm/core';
import { categoryNames, type CategoryName, type ComponentConfig, type PeerAttribute } from '../config/schema-health.js';
import type { ScoringConfig } from '../config/schema.js';
import { compileColumnsReader, type ColumnsReader } from '../metric-readers.js';

export type NormalizationMethod = ComponentConfig['method'];
export type MissingPolicy = ComponentConfig['missing'];

/** One scored metric with its weight inside its category already normalized. */
export interface HealthComponent {
  readonly metric: MetricName;
  readonly category: CategoryName;
  readonly categoryIndex: number;
  /** Share of its category (the weights of a category sum to 1). */
  readonly weight: number;
  readonly method: NormalizationMethod;
  /** Full-credit value of the `target` method. */
  readonly cap: number;
  /** Clip of the `zscore` method, in standard deviations. */
  readonly clip: number;
  readonly missing: MissingPolicy;
  readonly higherIsBetter: boolean;
  /** The catalog title as it reads inside a sentence ("pipeline coverage"). */
  readonly label: string;
  readonly unit: MetricUnit;
}

/** The health configuration compiled once into arrays the scoring loop reads. */
export interface HealthPlan {
  readonly components: readonly HealthComponent[];
  /** The components' metrics, shared by every explanation of a run. */
  readonly metrics: readonly MetricName[];
  /** Reads the components' metrics of a period's rows into columns, in component order. */
  readonly readColumns: ColumnsReader;
  /** Category weights (revenue, pipeline, enablement, engagement), summing to 1. */
  readonly categoryWeights: Float64Array;
  readonly componentCategory: Uint8Array;
  readonly componentWeight: Float64Array;
  /** Components are ordered by category: category k owns components [categoryStart[k], categoryStart[k + 1]). */
  readonly categoryStart: Int32Array;
  readonly grades: readonly string[];
  readonly gradeMinimums: Float64Array;
  readonly peerAttributes: readonly PeerAttribute[];
  readonly minPeerSize: number;
  readonly trendPeriods: number;
  readonly drivers: number;
}

/** The catalog title as it reads inside a sentence: "Registration velocity (days)" -> "registration velocity". */
export function sentenceLabel(title: string): string {
  const plain = title.replace(/\s*\([^)]*\)$/, '');
  const second = plain.charAt(1);
  const acronym = second !== '' && second === second.toUpperCase() && second !== second.toLowerCase();
  return acronym ? plain : plain.charAt(0).toLowerCase() + plain.slice(1);
}

function categoryComponents(config: ScoringConfig, category: CategoryName, categoryIndex: number): HealthComponent[] {
  const { metrics } = config.health.categories[category];
  const names = metricNames.filter((name) => (metrics[name]?.weight ?? 0) > 0);
  const total = names.reduce((sum, name) => sum + (metrics[name]?.weight ?? 0), 0);
  return names.map((metric) => {
    const settings = metrics[metric] as ComponentConfig;
    const definition = metricDefinition(metric);
    return {
      metric,
      category,
      categoryIndex,
      weight: settings.weight / total,
      method: settings.method,
      cap: settings.method === 'target' ? settings.cap : 1,
      clip: settings.method === 'zscore' ? settings.clip : 2,
      missing: settings.missing,
      higherIsBetter: definition.higherIsBetter !== false,
      label: sentenceLabel(definition.title),
      unit: definition.unit,
    };
  });
}

export function compileHealthPlan(config: ScoringConfig): HealthPlan {
  const { health } = config;
  const components = categoryNames.flatMap((category, index) => categoryComponents(config, category, index));
  const rawWeights = categoryNames.map((category) => health.categories[category].weight);
  const totalWeight = rawWeights.reduce((sum, weight) => sum + weight, 0);
  return {
    components,
    metrics: Object.freeze(components.map((component) => component.metric)),
    readColumns: compileColumnsReader(components.map((component) => component.metric)),
    categoryWeights: Float64Array.from(rawWeights, (weight) => weight / totalWeight),
    componentCategory: Uint8Array.from(components, (component) => component.categoryIndex),
    componentWeight: Float64Array.from(components, (component) => component.weight),
    categoryStart: Int32Array.from({ length: categoryNames.length + 1 }, (_, category) =>
      components.filter((component) => component.categoryIndex < category).length,
    ),
    grades: health.grades.map((band) => band.grade),
    gradeMinimums: Float64Array.from(health.grades, (band) => band.min_score),
    peerAttributes: health.peer_group.attributes,
    minPeerSize: health.peer_group.min_size,
    trendPeriods: health.trend_periods,
    drivers: health.drivers,
  };
}
