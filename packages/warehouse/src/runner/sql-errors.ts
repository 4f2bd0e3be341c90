import type { Knex } from 'knex';
import { escapePlaceholders } from './sql.js';

interface DatabaseErrorFields {
  readonly code?: string;
  readonly position?: string;
  readonly detail?: string;
  readonly hint?: string;
}

const separator = ' - ';

/**
 * Runs `prefix` + a model's rendered SQL as one statement; a database error comes back with
 * PostgreSQL's own message and the line of the compiled SQL it points at.
 */
export async function executeWithBody(db: Knex, prefix: string, body: string, suffix = ''): Promise<void> {
  const statement = `${prefix}\n${body}${suffix}`;
  try {
    await db.raw(escapePlaceholders(statement));
  } catch (error) {
    const offset = Number(fields(error).position) - 1 - (prefix.length + 1);
    const line = offset >= 0 && offset <= body.length ? body.slice(0, offset).split('\n').length : undefined;
    throw new Error(databaseMessage(error, statement, line ? `line ${line} of the compiled SQL` : undefined), { cause: error });
  }
}

/** PostgreSQL's message without the statement knex puts in front, then where it happened, its detail and hint. */
export function databaseMessage(error: unknown, statement?: string, location?: string): string {
  if (!(error instanceof Error)) return String(error);
  const { code, detail, hint } = fields(error);
  if (code === undefined) return error.message;
  let message = error.message;
  if (statement !== undefined && message.startsWith(statement + separator)) message = message.slice(statement.length + separator.length);
  else if (message.includes(separator)) message = message.slice(message.lastIndexOf(separator) + separator.length);
  return [`${message}${location ? ` (${location})` : ''}`, detail && `detail: ${detail}`, hint && `hint: ${hint}`].filter(Boolean).join('; ');
}

function fields(error: unknown): DatabaseErrorFields {
  return typeof error === 'object' && error !== null ? error : {};
}

export function isDatabaseError(error: unknown, code: string): boolean {
  return fields(error).code === code;
}
