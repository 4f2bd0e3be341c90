export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function relationName(schema: string, name: string): string {
  return `${quoteIdentifier(schema)}.${quoteIdentifier(name)}`;
}

/** A model's select without trailing semicolons, so it can be wrapped in create ... as or a subquery. */
export function selectBody(sql: string): string {
  return sql.replace(/[\s;]+$/, '');
}

/**
 * knex turns every `?` of a raw statement into a bind parameter; model SQL may use `?` as an
 * operator (jsonb), so escape it when the SQL goes through knex.raw.
 */
export function escapePlaceholders(sql: string): string {
  return sql.replaceAll('?', '\\?');
}
