import { expectedSegments, type Archetype } from '../world/archetypes.js';
import { TextSink } from './text-sink.js';

const groundTruthHeader = ['partner_id', 'archetype', 'expected_segment'] as const;

/** ground_truth.csv: the planted archetype of every partner and the segment scoring should give it. */
export class GroundTruthWriter {
  private readonly sink: TextSink;

  constructor(path: string) {
    this.sink = new TextSink(path, { gzip: false, encoding: 'utf-8' });
    this.sink.write(`${groundTruthHeader.join(',')}\n`);
  }

  write(partnerId: string, archetype: Archetype): void {
    this.sink.write(`${partnerId},${archetype},${expectedSegments[archetype]}\n`);
  }

  get backedUp(): boolean {
    return this.sink.backedUp;
  }

  ready(): Promise<void> {
    return this.sink.ready();
  }

  close(): Promise<void> {
    return this.sink.close();
  }
}
