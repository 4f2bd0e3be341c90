import type { Knex } from 'knex';

/**
 * Periods are written YYYY, YYYY-MM or YYYY-Qn; these functions normalize them and give their bounds.
 * (No question marks in this SQL: knex.raw reads them as bind placeholders.)
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create function ops.normalize_period(period text) returns text
    language sql immutable parallel safe as $$
      select case
        when upper(period) ~ '^[0-9]{4}$' then period
        when upper(period) ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' then period
        when upper(period) ~ '^[0-9]{4}-{0,1}Q[1-4]$' then left(period, 4) || '-Q' || right(period, 1)
      end
    $$;

    create function ops.period_start(period text) returns date
    language sql immutable parallel safe as $$
      select case
        when period ~ '^[0-9]{4}$' then make_date(period::int, 1, 1)
        when period ~ '^[0-9]{4}-[0-9]{2}$' then make_date(left(period, 4)::int, right(period, 2)::int, 1)
        when period ~ '^[0-9]{4}-Q[1-4]$' then make_date(left(period, 4)::int, (right(period, 1)::int - 1) * 3 + 1, 1)
      end
    $$;

    create function ops.period_end(period text) returns date
    language sql immutable parallel safe as $$
      select (ops.period_start(period) + case
        when period ~ '^[0-9]{4}$' then interval '1 year'
        when period ~ '^[0-9]{4}-[0-9]{2}$' then interval '1 month'
        else interval '3 months'
      end - interval '1 day')::date
    $$;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop function if exists ops.period_end(text), ops.period_start(text), ops.normalize_period(text)');
}
