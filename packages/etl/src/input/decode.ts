import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { LoadError } from '../errors.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface FileFacts {
  readonly sha256: string;
  readonly bytes: number;
  readonly compressed: boolean;
  readonly encoding: TextEncoding;
}

export interface OpenedText {
  /** The file's text, decoded, without a byte-order mark. */
  readonly text: Readable;
  /** Settles when the whole file has been read. */
  readonly facts: Promise<FileFacts>;
}

const sniffBytes = 64 * 1024;

function hasBom(chunk: Buffer): TextEncoding | undefined {
  if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) return 'utf-8';
  if (chunk[0] === 0xff && chunk[1] === 0xfe) return 'utf-16le';
  if (chunk[0] === 0xfe && chunk[1] === 0xff) return 'utf-16be';
  return undefined;
}

function isValidUtf8Prefix(chunk: Buffer): boolean {
  try {
    // The sample may end inside a multi-byte character, so decode in streaming mode.
    new TextDecoder('utf-8', { fatal: true }).decode(chunk, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Picks the encoding from the first bytes: a BOM wins, then valid UTF-8, else Windows-1252 (Excel's usual export). */
export function detectEncoding(sample: Buffer, file: string): TextEncoding {
  const bom = hasBom(sample);
  if (bom) return bom;
  if (sample.subarray(0, sniffBytes).includes(0)) {
    throw new LoadError(file, 'this is not a text file (it contains NUL bytes); expected CSV or JSON Lines, optionally gzip-compressed');
  }
  return isValidUtf8Prefix(sample.subarray(0, sniffBytes)) ? 'utf-8' : 'windows-1252';
}

/** Decodes bytes to text once the encoding is known from the first chunk; strips the BOM. */
class Decoder extends Transform {
  private decoder: InstanceType<typeof TextDecoder> | undefined;
  encoding: TextEncoding = 'utf-8';
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(
    private readonly file: string,
    private readonly forced?: TextEncoding,
  ) {
    super({ readableObjectMode: false, decodeStrings: true, encoding: 'utf8' });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    try {
      if (this.decoder) return done(null, this.decode(chunk));
      this.pending.push(chunk);
      this.pendingBytes += chunk.length;
      if (this.pendingBytes < sniffBytes) return done();
      done(null, this.start());
    } catch (error) {
      done(error as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      const head = this.decoder ? '' : this.start();
      const tail = this.decoder?.decode() ?? '';
      done(null, head + tail);
    } catch (error) {
      done(error as Error);
    }
  }

  private start(): string {
    const sample = Buffer.concat(this.pending);
    this.pending = [];
    if (sample.length === 0) return '';
    this.encoding = this.forced ?? detectEncoding(sample, this.file);
    this.decoder = new TextDecoder(this.encoding, { fatal: this.encoding !== 'windows-1252', ignoreBOM: false });
    return this.decode(sample);
  }

  private decode(chunk: Buffer): string {
    try {
      return this.decoder?.decode(chunk, { stream: true }) ?? '';
    } catch {
      throw new LoadError(this.file, `invalid ${this.encoding} byte sequence; if the file is in another encoding, set the source's encoding option`);
    }
  }
}

/** Hashes the raw bytes as they pass. */
class RawTap extends Transform {
  readonly hash = createHash('sha256');
  bytes = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    done(null, chunk);
  }
}

function isGzip(path: string, name: string): boolean {
  const head = Buffer.alloc(2);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    return readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } catch (error) {
    throw new LoadError(name, `cannot read the file (${(error as Error).message})`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function describeGzipError(error: NodeJS.ErrnoException): string {
  if (error.code === 'Z_BUF_ERROR' || /unexpected end/i.test(error.message)) return 'the gzip data is truncated (unexpected end of file)';
  return `the gzip data is corrupt (${error.message})`;
}

/**
 * Opens a file as a text stream: gunzips (detected by content, not name), detects the
 * encoding and strips the BOM, hashing the raw bytes on the way. Errors on the stream
 * are LoadErrors naming the file.
 */
export function openText(path: string, options: { encoding?: TextEncoding; displayName?: string } = {}): OpenedText {
  const name = options.displayName ?? basename(path);
  const compressed = isGzip(path, name);
  const tap = new RawTap();
  const decoder = new Decoder(name, options.encoding);
  const stages: NodeJS.ReadWriteStream[] = [tap];
  if (compressed) {
    const gunzip = createGunzip();
    gunzip.on('error', (error) => decoder.destroy(new LoadError(name, describeGzipError(error))));
    stages.push(gunzip);
  }
  const raw = createReadStream(path, { highWaterMark: 1024 * 1024 });
  raw.on('error', (error) => decoder.destroy(new LoadError(name, `cannot read the file (${error.message})`)));
  stages.reduce<NodeJS.ReadableStream>((source, stage) => source.pipe(stage), raw).pipe(decoder);

  const facts = new Promise<FileFacts>((resolve, reject) => {
    decoder.on('error', reject);
    decoder.on('end', () => resolve({ sha256: tap.hash.digest('hex'), bytes: tap.bytes, compressed, encoding: decoder.encoding }));
  });
  facts.catch(() => undefined);
  return { text: decoder, facts };
}
