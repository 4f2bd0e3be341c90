import type { Knex } from 'knex';
import type { Model } from '../model.js';

/** What a materialization needs to put one model in place, inside the model's own transaction. */
export interface Build {
  readonly trx: Knex.Transaction;
  readonly model: Model;
  /** The rendered select, without trailing semicolons. */
  readonly sql: string;
  /** Relations this run builds after this model. */
  readonly rebuiltLater: ReadonlySet<string>;
}
