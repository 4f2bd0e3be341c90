import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

const identifier = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'use lowercase letters, digits and underscores (e.g. system_integrator)');

export const programConfigSchema = z
  .object({
    reporting_currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD').default('USD'),
    partner_types: z
      .array(identifier)
      .min(1)
      .default(['reseller', 'var', 'msp', 'system_integrator', 'distributor', 'referral', 'isv']),
    tiers: z.array(identifier).min(1).default(['registered', 'silver', 'gold', 'platinum']),
    engagement_kinds: z
      .array(identifier)
      .min(1)
      .default([
        'portal_login',
        'content_download',
        'campaign_launch',
        'communication_sent',
        'communication_response',
        'event_attendance',
        'webinar_attendance',
      ]),
    onboarding: z
      .object({
        milestones: z
          .array(identifier)
          .min(1)
          .default(['agreement_signed', 'portal_access', 'first_training_completed', 'first_deal_registered']),
        grace_months: z.number().int().min(0).max(36).default(6),
      })
      .prefault({}),
    fiscal_year_start_month: z.number().int().min(1).max(12).default(1),
    load: z
      .object({
        max_future_days: z.number().int().min(0).default(31),
        partners_full_snapshot: z.boolean().default(false),
        null_markers: z.array(z.string()).default(['', 'NULL', 'null', 'N/A', 'n/a']),
      })
      .prefault({}),
  })
  .strict();

export type ProgramConfig = z.infer<typeof programConfigSchema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Formats zod issues as "source: path: message" lines a user can act on. */
export function describeIssues(source: string, issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => `${source}: ${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('\n');
}

/** Parses program configuration YAML; `source` names the file in error messages. */
export function parseProgramConfig(yamlText: string, source = 'program configuration'): ProgramConfig {
  let raw: unknown;
  try {
    raw = parseYaml(yamlText) ?? {};
  } catch (error) {
    throw new ConfigError(`${source}: not valid YAML: ${(error as Error).message}`);
  }
  const result = programConfigSchema.safeParse(raw);
  if (!result.success) throw new ConfigError(`Invalid program configuration:\n${describeIssues(source, result.error.issues)}`);
  return result.data;
}

export const defaultProgramConfig: ProgramConfig = programConfigSchema.parse({});
