import { join } from 'node:path';
import { entities, type EntityName } from '@ppm/core';
import Papa from 'papaparse';
import { formatOf } from './files.js';
import { mapHeader } from './input/columns.js';
import { openText } from './input/decode.js';

/** Characters read from an ignored file to find its header: a header row is far shorter. */
const headBytes = 64 * 1024;

/** The first non-blank line of a text file, split by its delimiter; empty when unreadable. */
async function headerOf(path: string): Promise<string[]> {
  const opened = openText(path);
  opened.facts.catch(() => undefined);
  let head = '';
  try {
    for await (const chunk of opened.text) {
      head += String(chunk);
      if (head.length >= headBytes || /\S[^\n]*\n/.test(head)) break;
    }
  } catch {
    return [];
  } finally {
    opened.text.destroy();
  }
  const line = head.split(/\r\n|\n|\r/).find((candidate) => candidate.trim() !== '') ?? '';
  const fields = Papa.parse<string[]>(line, { delimitersToGuess: [',', ';', '\t', '|'] }).data[0] ?? [];
  return fields.map((field) => field.replace(/^\uFEFF/, ''));
}

/** Entities whose every required column the header names. */
function entitiesNamedBy(header: readonly string[]): EntityName[] {
  return entities
    .filter((entity) => {
      try {
        mapHeader(entity, header, '');
        return true;
      } catch {
        return false;
      }
    })
    .map((entity) => entity.name);
}

function hint(name: string, matches: readonly EntityName[]): string {
  const [only] = matches;
  if (matches.length === 1 && only) return `${name}: not loaded (its name is not an entity's), but its header names every required column of ${only}: rename it ${only}-<anything>, or list it under files: ${only} in the source's entry in config/sources.yml`;
  return `${name}: not loaded (its name is not an entity's); its header fits ${matches.join(', ')}: name it after the one it holds (${matches.map((entity) => `${entity}-...`).join(', ')}) or list it under files: in config/sources.yml`;
}

/**
 * For CSV files a folder holds that were ignored because their names are no entity's: the
 * entities their header would load as, so a first load of exports named by the system
 * that wrote them ("Q3 sales.csv") says what to rename. Never loads them: a header alone
 * does not tell revenue lines from other money rows for sure.
 */
export async function entityHints(folder: string, ignored: readonly string[]): Promise<string[]> {
  const hints: string[] = [];
  for (const name of ignored) {
    if (formatOf(name) !== 'csv') continue;
    const matches = entitiesNamedBy(await headerOf(join(folder, name)));
    if (matches.length > 0) hints.push(hint(name, matches));
  }
  return hints;
}
