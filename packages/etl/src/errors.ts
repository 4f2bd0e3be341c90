/**
 * A batch that cannot be loaded at all (unreadable file, missing required columns,
 * corrupt compression). Nothing of the batch reaches the core tables. The message
 * names the file and, where known, the line.
 */
export class LoadError extends Error {
  override readonly name = 'LoadError';

  constructor(
    readonly file: string,
    readonly problem: string,
    readonly line?: number,
  ) {
    super(`${file}${line !== undefined ? `, line ${line}` : ''}: ${problem}`);
  }
}

/** A header row that lacks required columns: the file fails unless a later row is the header (see TabularRecordMapper). */
export class MissingColumnsError extends LoadError {}

/** A configuration problem of a source (unknown folder, bad query); says what to fix. */
export class SourceConfigError extends Error {
  override readonly name = 'SourceConfigError';
}
