import { metricDefinition, type MetricName } from '@ppm/core';
import { z } from 'zod';
import { alertsSchema, backtestSchema, findingsSchema } from './schema-outputs.js';
import { categoryNames, healthSchema } from './schema-health.js';
import { segmentsSchema, tiersSchema, type TierMeasure } from './schema-rules.js';

type Issue = (path: (string | number)[], message: string) => void;
type Health = z.output<typeof healthSchema>;
type Tiers = z.output<typeof tiersSchema>;
type Segments = z.output<typeof segmentsSchema>;

function checkCategories(health: Health, issue: Issue): void {
  const seen = new Map<MetricName, string>();
  let total = 0;
  for (const category of categoryNames) {
    const { weight, metrics } = health.categories[category];
    total += weight;
    let metricTotal = 0;
    for (const [name, component] of Object.entries(metrics) as [MetricName, { weight: number }][]) {
      metricTotal += component.weight;
      const path = ['health', 'categories', category, 'metrics', name];
      if (metricDefinition(name).higherIsBetter === null)
        issue(path, `"${name}" has no direction (more is neither better nor worse), so it cannot be scored; pick a metric such as attainment or pipeline_coverage`);
      const other = seen.get(name);
      if (other) issue(path, `"${name}" is already scored under ${other}; a metric can count in one category only`);
      seen.set(name, category);
    }
    if (weight > 0 && metricTotal <= 0)
      issue(['health', 'categories', category, 'metrics'], `category ${category} has weight ${weight} but no metric with a positive weight; add one or set the category weight to 0`);
  }
  if (total <= 0) issue(['health', 'categories'], 'all category weights are 0; give at least one category a positive weight');
}

function checkGrades(health: Health, issue: Issue): void {
  const names = new Set<string>();
  health.grades.forEach((band, index) => {
    const previous = health.grades[index - 1];
    if (previous && band.min_score >= previous.min_score)
      issue(['health', 'grades', index, 'min_score'], 'list grades from best to worst with strictly falling min_score');
    if (names.has(band.grade)) issue(['health', 'grades', index, 'grade'], `grade "${band.grade}" is listed twice`);
    names.add(band.grade);
  });
  const last = health.grades.at(-1);
  if (last && last.min_score !== 0)
    issue(['health', 'grades', health.grades.length - 1, 'min_score'], 'the last grade must have min_score 0 so every score gets a grade');
}

function checkSegments(segments: Segments, issue: Issue): void {
  if (segments.intervene.max_attainment >= segments.grow.min_attainment)
    issue(['segments', 'intervene', 'max_attainment'], `must be below segments.grow.min_attainment (${segments.grow.min_attainment}) so a partner cannot qualify for both`);
}

function checkLadder(tiers: Tiers, issue: Issue): void {
  const names = new Set<string>();
  tiers.ladder.forEach((tier, index) => {
    if (names.has(tier.tier)) issue(['tiers', 'ladder', index, 'tier'], `tier "${tier.tier}" is listed twice`);
    names.add(tier.tier);
    for (const [measure, retain] of Object.entries(tier.retain) as [TierMeasure, number][]) {
      const entry = tier.entry[measure];
      if (entry !== undefined && retain > entry)
        issue(['tiers', 'ladder', index, 'retain', measure], `retention threshold ${retain} is above the entry threshold ${entry}; retention must be at or below entry (hysteresis)`);
    }
  });
}

export const scoringConfigSchema = z
  .object({
    version: z
      .union([z.string().min(1), z.number()])
      .transform((value) => String(value))
      .nullable()
      .default(null),
    health: healthSchema,
    segments: segmentsSchema,
    tiers: tiersSchema,
    alerts: alertsSchema,
    findings: findingsSchema,
    backtest: backtestSchema,
  })
  .strict()
  .superRefine((config, context) => {
    const issue: Issue = (path, message) => context.addIssue({ code: 'custom', path, message });
    checkCategories(config.health, issue);
    checkGrades(config.health, issue);
    checkSegments(config.segments, issue);
    checkLadder(config.tiers, issue);
  });

export type ScoringConfig = z.output<typeof scoringConfigSchema>;
