import { countryLookup, type EntityDefinition, type ProgramConfig } from '@ppm/core';
import { ident, literal } from './fields.js';

/**
 * Every day's FX rate per currency, from its first rate to `max_future_days` ahead:
 * a rate holds until the next one. Turns the "latest rate on or before" lookup into a
 * hash join.
 */
export function fxCalendarSql(config: ProgramConfig, table: string): string {
  return `
    create unlogged table ${table} as
    with ranges as (
      select currency, date as valid_from,
             coalesce(lead(date) over (partition by currency order by date) - 1,
                      greatest(current_date + ${config.load.max_future_days}, date)) as valid_to,
             rate
      from core.fx_rates
    )
    select r.currency::text as currency, d::date as date, r.rate
    from ranges r
    cross join lateral generate_series(r.valid_from, r.valid_to, interval '1 day') as d`;
}

/** Partner ids known to the warehouse, plus those in this batch when loading partners. */
export function knownPartnersSql(entity: EntityDefinition, staging: string, table: string): string {
  const batch = entity.name === 'partners' ? `union select ${ident('partner_id')} from ${staging} where ${ident('partner_id')} is not null` : '';
  return `
    create unlogged table ${table} as
    select distinct partner_id from core.partner_history ${batch}`;
}

export function needsFxCalendar(entity: EntityDefinition): boolean {
  return entity.money.length > 0;
}

export function needsKnownPartners(entity: EntityDefinition): boolean {
  return entity.fields.some((field) => field.references === 'partners');
}

export function needsCountries(entity: EntityDefinition): boolean {
  return entity.fields.some((field) => field.type === 'country');
}

/** The country texts the loader reads (codes and names by countryKey) and their alpha-2 codes, for the typing of country fields. */
export function countriesSql(table: string): string {
  const rows = [...countryLookup()].map(([name, code]) => `(${literal(name)}, ${literal(code)})`);
  return `
    create unlogged table ${table} (name text primary key, code text not null);
    insert into ${table} (name, code) values ${rows.join(', ')}`;
}
