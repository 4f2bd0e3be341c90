'use strict';
// Who may see which rows (docs/bi.md, "Security"). Used by cube.js (contextToApiScopes and
// queryRewrite) and, through cube.js, by the offline REST mode of @ppm/semantic.
//
// Every view answers at the grain of a partner-period (or a fact joined to one), so two
// members decide scope everywhere: `region` and `partner_id`, the partner's attributes at
// the end of that period. Row filters are added to the query before Cube plans it; filter
// values are bound parameters, never SQL.

const roles = ['program_admin', 'region_manager', 'channel_account_manager', 'partner'];

/**
 * The public views. `grain`: which partner-period rows a query reads when it does not
 * filter period_grain itself: 'auto' = quarter rows for quarterly and yearly reports
 * (attributes at the end of each quarter, as in docs/metrics.md), month rows otherwise;
 * 'month' = monthly rows only (the scores are monthly); none = not partner-period based.
 */
const views = {
  partner_performance: { grain: 'auto' },
  program_performance: { grain: 'auto' },
  pipeline: { grain: 'auto' },
  enablement: { grain: 'auto' },
  engagement: { grain: 'auto' },
  partner_health: { grain: 'month' },
  alerts: { grain: 'month' },
  // Program-wide findings have no partner: program administrators only.
  program_findings: { adminOnly: true },
};

/**
 * Measures that hold a value at the end of a period (stocks, counts of partners, values of
 * "the previous period of the same grain", medians over partners). Summing them over
 * several periods gives wrong numbers, so queries must keep each group inside one period.
 * model/cubes/metrics/partner_period_metrics.yml marks the same measures with
 * `meta.end_of_period` (checked by a test).
 */
const endOfPeriodMeasures = new Set([
  'trailing_12m_revenue', 'program_revenue', 'revenue_share', 'revenue_prior_period', 'revenue_growth',
  'open_pipeline', 'forward_target', 'pipeline_coverage',
  'required_trainings_assigned', 'required_trainings_completed', 'required_training_completion_rate',
  'certified_people', 'advanced_certified_people', 'certification_depth',
  'learning_path_courses_assigned', 'learning_path_courses_completed', 'learning_path_progress',
  'mdf_allocated_t12m', 'mdf_claimed_t12m', 'mdf_utilization',
  'has_active_business_plan', 'partners_with_business_plan', 'business_plan_participation',
  'onboarding_milestones_completed', 'onboarding_milestones_required', 'onboarding_completion_rate',
  'partner_count', 'active_partner_count', 'dormant_partner_count', 'days_since_last_commercial_activity',
]);

/**
 * View members holding the date that decides which partner-period a fact joins (the joins
 * of model/cubes/metrics/partner_period_metrics.yml and partner_history.yml). A date range
 * on one of them bounds the periods too, so PostgreSQL reads only those periods.
 */
const factJoinDates = new Set([
  'booked_at', 'target_month', 'registered_at', 'snapshot_date', 'assigned_at', 'earned_at', 'occurred_at',
  'fund_period_start', 'plan_period_start', 'milestone_completed_at', 'tier_changed_at',
]);

const grains = ['month', 'quarter'];
const granularityRank = { second: 0, minute: 0, hour: 0, day: 1, week: 2, month: 3, quarter: 4, year: 5 };
const maxClaimValues = 10000;

/** Refused: no or bad claims, or a view the role may not read. Maps to HTTP 403. */
class AccessDenied extends Error {
  constructor(message) {
    super(message);
    this.name = 'AccessDenied';
    this.status = 403;
    // Cube's API gateway answers errors of this type with their message (and 400) when the
    // 403 error class is not reachable from the configuration (see cube.js).
    this.type = 'UserError';
  }
}

/** A query that would give wrong numbers. Maps to HTTP 400 with the message. */
class InvalidQuery extends Error {
  constructor(message) {
    super(message);
    this.name = 'InvalidQuery';
    this.status = 400;
    this.type = 'UserError';
  }
}

function claimsOf(securityContext, namespace) {
  const context = securityContext !== null && typeof securityContext === 'object' ? securityContext : {};
  if (!namespace) return context;
  const claims = context[namespace];
  return claims !== null && typeof claims === 'object' ? claims : {};
}

function stringList(claims, name, role) {
  const value = claims[name];
  const valid = Array.isArray(value) && value.length > 0 && value.length <= maxClaimValues &&
    value.every((item) => typeof item === 'string' && item.trim() !== '' && item.length <= 200);
  if (!valid) throw new AccessDenied(`a ${role} token needs a "${name}" claim: a non-empty list of ${name === 'regions' ? 'region codes' : 'partner ids'}`);
  return [...new Set(value)];
}

/**
 * The scope a security context grants: { role, regions?, partners? }. Throws AccessDenied
 * naming the missing or malformed claim. Claims are read from the token's payload, or from
 * the object under CUBEJS_JWT_CLAIMS_NAMESPACE when that is set.
 */
function accessScope(securityContext, namespace = process.env.CUBEJS_JWT_CLAIMS_NAMESPACE) {
  const claims = claimsOf(securityContext, namespace);
  const role = claims.role;
  if (typeof role !== 'string' || !roles.includes(role)) {
    throw new AccessDenied(`the token has no valid "role" claim (one of ${roles.join(', ')})`);
  }
  if (role === 'program_admin') return { role };
  if (role === 'region_manager') return { role, regions: stringList(claims, 'regions', role) };
  const partners = stringList(claims, 'partners', role);
  if (role === 'partner' && partners.length !== 1) {
    throw new AccessDenied('a partner token needs a "partners" claim with exactly one partner id');
  }
  return { role, partners };
}

/** API scopes for Cube's contextToApiScopes: none at all without a valid scope. */
function apiScopes(securityContext) {
  try {
    const scope = accessScope(securityContext);
    return scope.role === 'program_admin' ? ['meta', 'data', 'graphql', 'sql', 'jobs'] : ['meta', 'data', 'graphql', 'sql'];
  } catch (error) {
    if (error instanceof AccessDenied) return [];
    throw error;
  }
}

function filterMembers(filters, into) {
  for (const filter of filters || []) {
    if (filter.member || filter.dimension) into.push(filter.member || filter.dimension);
    filterMembers(filter.and, into);
    filterMembers(filter.or, into);
  }
  return into;
}

function orderMembers(order) {
  if (!order) return [];
  if (Array.isArray(order)) return order.map((entry) => (Array.isArray(entry) ? entry[0] : entry && entry.id));
  return Object.keys(order);
}

function queriedMembers(query) {
  return [
    ...(query.measures || []),
    ...(query.dimensions || []),
    ...(query.segments || []),
    ...(query.timeDimensions || []).map((td) => td.dimension),
    ...filterMembers(query.filters, []),
    ...orderMembers(query.order),
  ];
}

function queriedViews(query) {
  const names = new Set();
  for (const member of queriedMembers(query)) {
    if (typeof member !== 'string') throw new AccessDenied('member expressions are not allowed');
    names.add(member.split('.')[0]);
  }
  return names;
}

function filteredGrain(query, view) {
  const member = `${view}.period_grain`;
  const filters = (query.filters || []).filter((filter) => (filter.member || filter.dimension) === member);
  if (filters.length === 0) return undefined;
  const [filter] = filters;
  const values = filter.values || [];
  if (filters.length > 1 || filter.operator !== 'equals' || values.length !== 1 || !grains.includes(values[0])) {
    throw new InvalidQuery(`filter ${member} with "equals" and one value, month or quarter: each partner has a row per month and per quarter, and mixing them counts everything twice`);
  }
  return values[0];
}

/** Quarterly and yearly reports read quarter rows, so attributes are those at each quarter end. */
function defaultGrain(query, view) {
  const coarse = (query.timeDimensions || []).some((td) => td.dimension === `${view}.period` && (td.granularity === 'quarter' || td.granularity === 'year'));
  return coarse ? 'quarter' : 'month';
}

const truncate = (timestamp, grain) => {
  const month = Number(timestamp.slice(5, 7));
  const first = grain === 'quarter' ? month - ((month - 1) % 3) : month;
  return `${timestamp.slice(0, 4)}-${String(first).padStart(2, '0')}`;
};

function withinOnePeriod(range, grain) {
  return Array.isArray(range) && range.length === 2 && typeof range[0] === 'string' && typeof range[1] === 'string' &&
    truncate(range[0], grain) === truncate(range[1], grain);
}

/** End-of-period measures need every result group to lie inside one period of the grain. */
function checkEndOfPeriod(query, view, grain) {
  const measures = (query.measures || []).filter((member) => member.startsWith(`${view}.`) && endOfPeriodMeasures.has(member.split('.')[1]));
  if (measures.length === 0) return;
  const period = `${view}.period`;
  const timeDimensions = (query.timeDimensions || []).filter((td) => td.dimension === period);
  const grouped = timeDimensions.some((td) => td.granularity && granularityRank[td.granularity] <= granularityRank[grain]);
  const pinned = timeDimensions.some((td) => withinOnePeriod(td.dateRange, grain)) ||
    (query.filters || []).some((filter) => filter.member === period && filter.operator === 'inDateRange' && withinOnePeriod(filter.values, grain));
  if (grouped || pinned) return;
  throw new InvalidQuery(
    `${measures.join(', ')} ${measures.length > 1 ? 'are values' : 'is a value'} at the end of each ${grain}: group by ${period} ` +
    `with granularity ${grain} (or finer), or give ${period} a dateRange inside one ${grain}. ` +
    `For quarters, filter ${view}.period_grain = quarter.`,
  );
}

/**
 * A fact in [from, to] belongs to a period starting in [start of from's period, to]: the
 * same rows, with the periods bounded. Only for UTC queries (facts join by UTC date).
 */
function periodBounds(query, view, grain) {
  const period = `${view}.period`;
  if ((query.timezone || 'UTC') !== 'UTC') return [];
  if ((query.timeDimensions || []).some((td) => td.dimension === period && td.dateRange)) return [];
  if ((query.filters || []).some((filter) => filter.member === period)) return [];
  const ranges = (query.timeDimensions || [])
    .filter((td) => Array.isArray(td.dateRange) && td.dateRange.length === 2 && factJoinDates.has(td.dimension.split('.')[1]) && td.dimension.startsWith(`${view}.`))
    .map((td) => td.dateRange);
  return ranges.map(([from, to]) => ({ member: period, operator: 'inDateRange', values: [`${truncate(from, grain)}-01T00:00:00.000`, to] }));
}

function scopeFilters(scope, view) {
  if (scope.role === 'region_manager') return [{ member: `${view}.region`, operator: 'equals', values: scope.regions }];
  if (scope.role === 'program_admin') return [];
  return [{ member: `${view}.partner_id`, operator: 'equals', values: scope.partners }];
}

/**
 * Cube's queryRewrite: refuses what the scope does not allow, adds the row filters of the
 * scope and the default period grain (month), and checks end-of-period measures.
 */
function rewriteQuery(query, securityContext) {
  const scope = accessScope(securityContext);
  const added = [];
  for (const view of queriedViews(query)) {
    const policy = views[view];
    if (!policy) throw new AccessDenied(`"${view}" is not a public view (${Object.keys(views).join(', ')})`);
    if (policy.adminOnly && scope.role !== 'program_admin') throw new AccessDenied(`the view ${view} is for program administrators only`);
    if (policy.grain) {
      const filtered = filteredGrain(query, view);
      if (policy.grain === 'month' && filtered === 'quarter') throw new InvalidQuery(`${view} has monthly rows only: remove the period_grain filter`);
      const grain = filtered || (policy.grain === 'auto' ? defaultGrain(query, view) : 'month');
      if (!filtered) added.push({ member: `${view}.period_grain`, operator: 'equals', values: [grain] });
      checkEndOfPeriod(query, view, grain);
      added.push(...periodBounds(query, view, grain));
    }
    added.push(...scopeFilters(scope, view));
  }
  return { ...query, filters: [...(query.filters || []), ...added] };
}

/**
 * Cube's checkSqlAuth for the SQL API (BI tools on the Postgres wire protocol): the
 * password is a token (`ppm token`), verified by `verifyToken`; the user name is free.
 */
function sqlAuth(verifyToken) {
  return async (_request, _user, password) => {
    if (typeof password !== 'string' || password === '') throw new AccessDenied('use a token (ppm token) as the SQL API password');
    let claims;
    try {
      claims = verifyToken(password);
    } catch (error) {
      throw new AccessDenied(`the password is not a valid token: ${error.message}`);
    }
    accessScope(claims);
    return { password, superuser: false, securityContext: claims };
  };
}

module.exports = { roles, views, endOfPeriodMeasures, AccessDenied, InvalidQuery, accessScope, apiScopes, rewriteQuery, sqlAuth };
