/**
 * Why a source row was quarantined instead of loaded. When a row has several
 * problems, the quarantine row records the first in this order (and all of them in
 * its `problems` list), so counts by reason are exact.
 */
export const quarantineReasons = {
  malformed_row: 'The CSV record has a different number of fields than the header.',
  invalid_json: 'The JSON Lines record is not a JSON object.',
  missing_required: 'A required field is empty or missing.',
  invalid_number: 'Not a number (use a decimal point; a comma is only allowed as thousands separator). For decimal commas (1.234,50) set the source\'s decimal_separator.',
  invalid_integer: 'Not a whole number.',
  invalid_date: 'Not a valid ISO 8601 date (YYYY-MM-DD). For another layout (DD/MM/YYYY, MM/DD/YYYY, ...) set the source\'s date_format.',
  invalid_timestamp: 'Not a valid ISO 8601 timestamp or date. For another date layout set the source\'s date_format.',
  invalid_boolean: 'Not a boolean (true/false, yes/no, y/n, 1/0).',
  invalid_period: 'Not a valid period (YYYY-MM, YYYY-Qn or YYYY).',
  invalid_currency: 'Not a three-letter ISO 4217 currency code.',
  invalid_country: 'Not an ISO 3166-1 country code (DE, DEU) or a country name the loader knows (Germany, Deutschland); map other texts under values: in the source.',
  currency_mismatch: "The amount names a currency (USD 1,234.50, 1234.50 EUR) other than the row's currency.",
  invalid_value: 'Not one of the allowed values.',
  negative_amount: 'A money amount is negative where that is not allowed.',
  out_of_range: 'A value is outside its allowed range: an amount of 10^16 or more, a count below 1, a rate of 0 or less.',
  future_date: 'A date lies further in the future than the configured load.max_future_days.',
  date_order: 'A date precedes the date it must follow (e.g. closed_at before registered_at).',
  unknown_currency: 'No FX rate for the currency on or before the row\'s date.',
  unknown_partner: 'The partner (or parent partner) id is not a known partner.',
  duplicate_key: 'Another row of the same file has the same key; the last one loads, earlier ones are quarantined.',
} as const;

export type QuarantineReason = keyof typeof quarantineReasons;

export const quarantineReasonOrder = Object.keys(quarantineReasons) as QuarantineReason[];
