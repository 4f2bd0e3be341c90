import { readFile } from 'node:fs/promises';
import { describeIssues } from '@ppm/core';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { ModelsConfigError } from './errors.js';

/** Reads and validates a YAML file; errors name the file (`displayName`) and the path of the bad key. */
export async function readYamlFile<Schema extends z.ZodType>(
  file: string,
  displayName: string,
  schema: Schema,
): Promise<z.output<Schema>> {
  return parseYamlText(await readFile(file, 'utf8'), displayName, schema);
}

export function parseYamlText<Schema extends z.ZodType>(text: string, displayName: string, schema: Schema): z.output<Schema> {
  let raw: unknown;
  try {
    raw = parseYaml(text) ?? {};
  } catch (error) {
    throw new ModelsConfigError(`${displayName}: not valid YAML: ${(error as Error).message}`);
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw new ModelsConfigError(`Invalid ${displayName}:\n${describeIssues(displayName, result.error.issues)}`);
  return result.data;
}
