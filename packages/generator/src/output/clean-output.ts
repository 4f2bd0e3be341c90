import type { EntityName } from '@ppm/core';
import type { Ledger } from '../manifest/ledger.js';
import type { FileSpec } from './file-spec.js';
import type { Row } from './format.js';
import { cleanFileFor } from './layout.js';
import { FileWriter } from './writer.js';

/** Rows kept for a few partners, so dirty files can restate or correct them. */
export type Samples = ReadonlyMap<string, ReadonlyMap<EntityName, readonly Row[]>>;

/** Routes clean rows to their files and into the ledger; keeps samples of the chosen partners. */
export class CleanOutput {
  private readonly writers = new Map<string, FileWriter>();
  private readonly samples = new Map<string, Map<EntityName, Row[]>>();
  /** The sample of the partner being written, when it is one of the sampled partners. */
  private sample: Map<EntityName, Row[]> | undefined;

  constructor(
    private readonly root: string,
    private readonly ledger: Ledger,
    sampled: Iterable<string>,
  ) {
    for (const id of sampled) this.samples.set(id, new Map());
  }

  /** Call before a partner's rows: they are kept when the partner is sampled. */
  beginPartner(partnerId: string): void {
    this.sample = this.samples.get(partnerId);
  }

  readonly emit = (entity: EntityName, row: Row): void => {
    this.writer(cleanFileFor(entity, row)).writeRow(row);
    this.ledger.add(entity, row);
    if (this.sample) {
      let rows = this.sample.get(entity);
      if (!rows) this.sample.set(entity, (rows = []));
      rows.push(row);
    }
  };

  get backedUp(): boolean {
    for (const writer of this.writers.values()) if (writer.backedUp) return true;
    return false;
  }

  async ready(): Promise<void> {
    for (const writer of this.writers.values()) await writer.ready();
  }

  /** Closes every file; returns the writers with their counts. */
  async close(): Promise<FileWriter[]> {
    const writers = [...this.writers.values()];
    await Promise.all(writers.map((writer) => writer.close()));
    return writers;
  }

  sampledRows(): Samples {
    return this.samples;
  }

  private writer(spec: FileSpec): FileWriter {
    let writer = this.writers.get(spec.path);
    if (!writer) {
      writer = new FileWriter(this.root, spec);
      this.writers.set(spec.path, writer);
    }
    return writer;
  }
}
