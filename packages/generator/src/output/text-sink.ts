import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { createGzip, type ZlibOptions } from 'node:zlib';
import { encodeWindows1252 } from './cp1252.js';

/** Text gathered before it is encoded: small enough to stay cheap for the garbage collector. */
const pendingChars = 4096;
/** Bytes gathered before a write to the stream (each write to gzip is a thread-pool task). */
const blockBytes = 256 * 1024;
/** Bytes a stream may queue before it asks us to wait: enough for gzip to work while we generate. */
const queueBytes = 4 * 1024 * 1024;
/** Level 1: files about 10% larger than level 4, and a quarter less CPU for the whole run. */
const gzipLevel = 1;

export interface TextSinkOptions {
  readonly gzip: boolean;
  readonly encoding: 'utf-8' | 'windows-1252';
}

/**
 * Text to a file, optionally gzip-compressed. Text is encoded straight into a block
 * buffer (no large strings for the garbage collector); `backedUp` says when the disk is
 * behind, and `ready()` waits for it (backpressure), so memory stays bounded.
 */
export class TextSink {
  private readonly sink: Writable;
  private readonly done: Promise<void>;
  private block = Buffer.allocUnsafe(blockBytes);
  private used = 0;
  private pending = '';
  private waiting: Promise<unknown> | undefined;

  constructor(
    path: string,
    private readonly options: TextSinkOptions,
  ) {
    const file = createWriteStream(path, { highWaterMark: queueBytes });
    if (options.gzip) {
      // Node hands stream options such as highWaterMark through to the Transform.
      const gzipOptions: ZlibOptions & { highWaterMark: number } = { level: gzipLevel, highWaterMark: queueBytes };
      this.sink = createGzip(gzipOptions);
      this.sink.pipe(file);
      this.done = Promise.all([finished(this.sink), finished(file)]).then(() => undefined);
    } else {
      this.sink = file;
      this.done = finished(file);
    }
    this.done.catch(() => undefined);
  }

  write(text: string): void {
    this.pending += text;
    if (this.pending.length >= pendingChars) this.encodePending();
  }

  private encodePending(): void {
    const text = this.pending;
    this.pending = '';
    if (this.options.encoding === 'windows-1252') return this.append(encodeWindows1252(text));
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (text.length * 3 > blockBytes - this.used) {
      this.release();
      if (text.length * 3 > blockBytes) return this.append(Buffer.from(text, 'utf8'));
    }
    this.used += this.block.write(text, this.used, 'utf8');
  }

  get backedUp(): boolean {
    return this.waiting !== undefined;
  }

  async ready(): Promise<void> {
    const waiting = this.waiting;
    if (!waiting) return;
    await Promise.race([waiting, this.done]);
    this.waiting = undefined;
  }

  async close(): Promise<void> {
    this.encodePending();
    this.release();
    this.sink.end();
    await this.done;
  }

  private append(bytes: Buffer): void {
    if (bytes.length > blockBytes - this.used) this.release();
    if (bytes.length > blockBytes) return this.send(bytes);
    bytes.copy(this.block, this.used);
    this.used += bytes.length;
  }

  private release(): void {
    if (this.used === 0) return;
    const bytes = this.block.subarray(0, this.used);
    this.block = Buffer.allocUnsafe(blockBytes);
    this.used = 0;
    this.send(bytes);
  }

  private send(bytes: Buffer): void {
    if (!this.sink.write(bytes) && !this.waiting) {
      const drained = once(this.sink, 'drain');
      drained.catch(() => undefined);
      this.waiting = drained;
    }
  }
}
