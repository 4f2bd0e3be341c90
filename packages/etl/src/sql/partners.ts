/**
 * Partners are kept as a type-2 history: each row of core.partner_history holds the
 * attributes from valid_from until valid_to (exclusive; null while current). Incoming
 * rows are versions effective from `effective_from` (or the load's as-of date);
 * consecutive versions with identical attributes collapse into one.
 */
const attributes = ['name', 'partner_type', 'tier', 'region', 'country', 'status', 'onboarded_at', 'parent_partner_id', 'channel_account_manager'];
const attributeList = attributes.join(', ');
const attributeHash = (alias: string) => `md5(row(${attributes.map((name) => `${alias}.${name}`).join(', ')})::text)`;

/**
 * Partner merges run one batch at a time, as other entities' do (lockForMergeSql): the
 * version rewrite reads the history and then writes it, which two batches must not interleave.
 */
export const lockPartnerHistorySql = 'lock table core.partner_history in share row exclusive mode';

/** Parameter: the as-of date for rows without effective_from. */
export const incomingPartnersSql = (validated: string) => `
  create temp table incoming_partners on commit drop as
  select v.partner_id, coalesce(v.effective_from, $1::date) as valid_from, ${attributes.map((name) => `v.${name}`).join(', ')},
         ${attributeHash('v')} as attribute_hash, v.extra, v.line_no
  from ${validated} v
  where cardinality(v.problems) = 0`;

/** Parameters: load id, file name. */
export const partnerVersionsSql = `
  create temp table partner_versions on commit drop as
  with affected as (select distinct partner_id from incoming_partners),
  candidates as (
    select i.partner_id, i.valid_from, ${attributes.map((name) => `i.${name}`).join(', ')}, i.attribute_hash,
           i.extra, $1::uuid as load_id, $2::text as source_file, i.line_no as source_line
    from incoming_partners i
    union all
    select h.partner_id, h.valid_from, ${attributes.map((name) => `h.${name}`).join(', ')}, h.row_hash,
           h.extra, h.load_id, h.source_file, h.source_line
    from core.partner_history h
    join affected a using (partner_id)
    where not exists (select 1 from incoming_partners i where i.partner_id = h.partner_id and i.valid_from = h.valid_from)
  ),
  ordered as (
    select c.*, lag(c.attribute_hash) over (partition by c.partner_id order by c.valid_from) as previous_hash
    from candidates c
  )
  select o.*, lead(o.valid_from) over (partition by o.partner_id order by o.valid_from) as valid_to
  from ordered o
  where o.previous_hash is distinct from o.attribute_hash`;

/** Counts before applying: new versions, corrected versions; the rest changed nothing. */
export const partnerChangeCountsSql = `
  select count(*) filter (where existing.partner_id is null and kept.partner_id is not null)::bigint as inserted,
         count(*) filter (where existing.partner_id is not null and existing.row_hash <> i.attribute_hash)::bigint as updated
  from incoming_partners i
  left join core.partner_history existing on existing.partner_id = i.partner_id and existing.valid_from = i.valid_from
  left join partner_versions kept on kept.partner_id = i.partner_id and kept.valid_from = i.valid_from`;

export const removeCollapsedVersionsSql = `
  delete from core.partner_history h
  using (select distinct partner_id from partner_versions) affected
  where h.partner_id = affected.partner_id
    and not exists (select 1 from partner_versions k where k.partner_id = h.partner_id and k.valid_from = h.valid_from)`;

export const upsertVersionsSql = `
  insert into core.partner_history (partner_id, valid_from, valid_to, is_current, ${attributeList}, extra, row_hash, load_id, source_file, source_line)
  select partner_id, valid_from, valid_to, valid_to is null, ${attributeList}, extra, attribute_hash, load_id, source_file, source_line
  from partner_versions
  on conflict (partner_id, valid_from) do update set
    valid_to = excluded.valid_to, is_current = excluded.is_current,
    ${attributes.map((name) => `${name} = excluded.${name}`).join(', ')},
    extra = excluded.extra, row_hash = excluded.row_hash, load_id = excluded.load_id,
    source_file = excluded.source_file, source_line = excluded.source_line, updated_at = now()
  where (core.partner_history.row_hash, core.partner_history.valid_to, core.partner_history.extra)
        is distinct from (excluded.row_hash, excluded.valid_to, excluded.extra)`;

/**
 * A full snapshot marks current partners missing from it as inactive from the as-of
 * date. Parameters: as-of date (three times), load id, file name.
 */
export const deactivateMissingPartnersSql = `
  with missing as (
    select h.* from core.partner_history h
    where h.is_current and h.status = 'active' and h.valid_from < $1::date
      and not exists (select 1 from incoming_partners i where i.partner_id = h.partner_id)
  ),
  closed as (
    update core.partner_history h set valid_to = $1::date, is_current = false, updated_at = now()
    from missing m where h.partner_id = m.partner_id and h.valid_from = m.valid_from
    returning h.partner_id
  )
  insert into core.partner_history (partner_id, valid_from, valid_to, is_current, ${attributeList}, extra, row_hash, load_id, source_file, source_line)
  select m.partner_id, $1::date, null, true, ${attributes.map((name) => (name === 'status' ? "'inactive'" : `m.${name}`)).join(', ')},
         m.extra, md5(row(${attributes.map((name) => (name === 'status' ? "'inactive'::text" : `m.${name}`)).join(', ')})::text), $2::uuid, $3, null
  from missing m`;
