/**
 * The vocabulary of the data contract: the types a field can have and the shape
 * of an entity definition. Loader, generator and docs all read these definitions.
 */
export type FieldType =
  | 'string'
  | 'integer'
  | 'decimal'
  | 'boolean'
  | 'date'
  | 'timestamp'
  | 'currency'
  | 'country'
  | 'period'
  | 'enum';

/** Names of program-configurable value lists that enum fields can draw from. */
export type ConfigurableList = 'partner_types' | 'tiers' | 'engagement_kinds';

export interface FieldDefinition {
  readonly name: string;
  readonly type: FieldType;
  readonly required: boolean;
  readonly description: string;
  /** Unit or format, for the docs (e.g. "reporting currency", "ISO 8601 date"). */
  readonly unit?: string;
  /** Fixed allowed values of an enum field. */
  readonly values?: readonly string[];
  /** Enum values that come from the program configuration instead of the contract. */
  readonly valuesFrom?: ConfigurableList;
  /** The entity whose key this field must match. */
  readonly references?: EntityName;
  /** Dates in the future are expected here (e.g. an expected close date); others are checked against load.max_future_days. */
  readonly allowFuture?: boolean;
  /** Money fields must not be negative unless this is set. */
  readonly allowNegative?: boolean;
  /** Other header names accepted for this field (matched case-insensitively). */
  readonly aliases?: readonly string[];
  /** Value used when the field is missing (optional fields only). */
  readonly default?: string;
  /** Example value used in the docs' example file. */
  readonly example: string;
}

/** A money amount and the fields that say how to convert it to the reporting currency. */
export interface MoneyDefinition {
  readonly amount: string;
  readonly currency: string;
  /** The date field (or period field, converted at its first day) that selects the FX rate. */
  readonly at: string;
}

export interface EntityDefinition {
  readonly name: EntityName;
  readonly description: string;
  readonly grain: string;
  /** The natural key: loading a row with the same key again updates, never duplicates. */
  readonly key: readonly string[];
  /**
   * When the key is a single id that exports may omit, it is derived from these fields
   * (an md5 of their normalized values), so re-loads stay idempotent.
   */
  readonly derivedKeyFrom?: readonly string[];
  readonly fields: readonly FieldDefinition[];
  readonly money: readonly MoneyDefinition[];
  /** Pairs [earlier, later] of date fields where later must not precede earlier. */
  readonly dateOrder?: readonly (readonly [string, string])[];
  /** Entities that must be loaded before this one (foreign keys). */
  readonly dependsOn: readonly EntityName[];
}

export const entityNames = [
  'fx_rates',
  'partners',
  'revenue',
  'targets',
  'deal_registrations',
  'pipeline',
  'training',
  'certifications',
  'engagement_events',
  'mdf',
  'business_plans',
  'onboarding',
] as const;

export type EntityName = (typeof entityNames)[number];

export function isEntityName(value: string): value is EntityName {
  return (entityNames as readonly string[]).includes(value);
}
