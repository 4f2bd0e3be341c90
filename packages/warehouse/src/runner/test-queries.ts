import type { Knex } from 'knex';
import type { GenericTest, Model } from './model.js';
import { escapePlaceholders, quoteIdentifier } from './sql.js';

/** A query returning the rows that break a test; `sql` is ready for knex.raw with `bindings`. */
export interface TestQuery {
  readonly sql: string;
  readonly bindings: readonly Knex.Value[];
}

export function genericTestQuery(model: Model, test: GenericTest, relationOf: (model: string) => string): TestQuery {
  const table = model.relation;
  switch (test.kind) {
    case 'unique': {
      const columns = test.columns.map(quoteIdentifier).join(', ');
      return plain(
        `select ${columns}, count(*) as occurrences
        from ${table}
        group by ${columns}
        having count(*) > 1`,
      );
    }
    case 'not_null':
      return plain(
        `select *
        from ${table}
        where ${quoteIdentifier(test.column)} is null`,
      );
    case 'accepted_values': {
      const column = quoteIdentifier(test.column);
      const placeholders = test.values.map(() => '?').join(', ');
      return {
        sql: `select ${column} as value, count(*) as occurrences
          from ${table}
          where ${column} is not null
            and ${column}::text not in (${placeholders})
          group by ${column}`,
        bindings: test.values.map(String),
      };
    }
    case 'relationships': {
      const column = `child.${quoteIdentifier(test.column)}`;
      return plain(
        `select ${column}, count(*) as occurrences
        from ${table} as child
        where ${column} is not null
          and not exists (
            select 1
            from ${relationOf(test.to)} as parent
            where parent.${quoteIdentifier(test.field)} = ${column}
          )
        group by ${column}`,
      );
    }
    case 'expression':
      // `is not true` so rows where the expression is null fail too: it must hold for every row.
      return plain(
        `select *
        from ${table}
        where (
          ${escapePlaceholders(test.expression)}
        ) is not true`,
      );
  }
}

/** A singular test's rendered SQL, which is the failing-rows query itself. */
export function singularTestQuery(sql: string): TestQuery {
  return plain(escapePlaceholders(sql));
}

function plain(sql: string): TestQuery {
  return { sql, bindings: [] };
}
