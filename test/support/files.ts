import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { inject } from 'vitest';

/** A fresh folder inside this test run's scratch folder (removed with it at the end of the run). */
export function tempFolder(prefix: string): string {
  const base = join(inject('runDir'), 'files');
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, `${prefix}-`));
}

export type FileContent = string | Buffer;

/** Writes files (name -> content) into a folder; text content under a `.gz` name is gzip-compressed, bytes are written as given. */
export function writeFiles(folder: string, files: Record<string, FileContent>): string {
  mkdirSync(folder, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    writeFileSync(join(folder, name), typeof content === 'string' && name.endsWith('.gz') ? gzipSync(bytes) : bytes);
  }
  return folder;
}

export const lines = (...rows: string[]) => `${rows.join('\n')}\n`;
