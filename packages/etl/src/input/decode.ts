import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { LoadError } from '../errors.js';
import { decodeWindows1252, Utf8WithWindows1252Fallback } from './utf8-fallback.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
/** What a file turned out to be: `utf-8+windows-1252` when it mixes both (see Utf8WithWindows1252Fallback). */
export type DecodedEncoding = TextEncoding | 'utf-8+windows-1252';

export interface FileFacts {
  readonly sha256: string;
  readonly bytes: number;
  readonly compressed: boolean;
  readonly encoding: DecodedEncoding;
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

/** Why a sample with NUL bytes is not a text file this loader reads, and what to do. */
function notText(sample: Buffer): string {
  if (sample[0] === 0x50 && sample[1] === 0x4b && sample[2] === 0x03 && sample[3] === 0x04) {
    return 'this is a ZIP archive, not a text file; an Excel workbook must be named .xlsx';
  }
  let evenNuls = 0;
  let oddNuls = 0;
  for (let at = 0; at < sample.length; at++) {
    if (sample[at] !== 0) continue;
    if (at % 2 === 0) evenNuls++;
    else oddNuls++;
  }
  const half = sample.length / 4;
  if (oddNuls > half && evenNuls === 0) return "this looks like UTF-16 text without a byte-order mark; set the source's encoding to utf-16le";
  if (evenNuls > half && oddNuls === 0) return "this looks like UTF-16 text without a byte-order mark; set the source's encoding to utf-16be";
  return 'this is not a text file (it contains NUL bytes); expected CSV or JSON Lines, optionally gzip-compressed';
}

/**
 * The encoding from the first bytes: a byte-order mark wins; otherwise UTF-8, in which
 * bytes that are not valid UTF-8 are read as Windows-1252 (Excel's usual export).
 */
export function detectEncoding(sample: Buffer, file: string): TextEncoding {
  const bom = hasBom(sample);
  if (bom) return bom;
  const head = sample.subarray(0, sniffBytes);
  if (head.includes(0)) throw new LoadError(file, notText(head));
  return 'utf-8';
}

/** A decoder of one of the fixed encodings, or UTF-8 with the Windows-1252 fallback. */
interface TextDecoding {
  decode(chunk: Buffer, final?: boolean): string;
  readonly encoding: DecodedEncoding;
}

function strictDecoding(encoding: TextEncoding, file: string): TextDecoding {
  if (encoding === 'windows-1252') return { encoding, decode: decodeWindows1252 };
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: false });
  return {
    encoding,
    decode(chunk, final = false) {
      try {
        return decoder.decode(chunk, { stream: !final });
      } catch {
        throw new LoadError(file, `invalid ${encoding} byte sequence; if the file is in another encoding, set the source's encoding option`);
      }
    },
  };
}

function fallbackDecoding(): TextDecoding {
  const fallback = new Utf8WithWindows1252Fallback();
  // A UTF-8 byte-order mark never reaches here (hasBom picks strict UTF-8 for it).
  return {
    decode: (chunk, final) => fallback.decode(chunk, final),
    get encoding(): DecodedEncoding {
      if (!fallback.fellBack) return 'utf-8';
      return fallback.sawMultibyte ? 'utf-8+windows-1252' : 'windows-1252';
    },
  };
}

/** Decodes bytes to text once the encoding is known from the first chunk; strips the BOM. */
class Decoder extends Transform {
  private decoding: TextDecoding | undefined;
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(
    private readonly file: string,
    private readonly forced?: TextEncoding,
  ) {
    super({ readableObjectMode: false, decodeStrings: true, encoding: 'utf8' });
  }

  get encoding(): DecodedEncoding {
    return this.decoding?.encoding ?? this.forced ?? 'utf-8';
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    try {
      if (this.decoding) return done(null, this.decoding.decode(chunk));
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
      const head = this.decoding ? '' : this.start();
      const tail = this.decoding?.decode(Buffer.alloc(0), true) ?? '';
      done(null, head + tail);
    } catch (error) {
      done(error as Error);
    }
  }

  private start(): string {
    const sample = Buffer.concat(this.pending);
    this.pending = [];
    if (sample.length === 0) return '';
    const encoding = this.forced ?? detectEncoding(sample, this.file);
    this.decoding = this.forced || hasBom(sample) ? strictDecoding(encoding, this.file) : fallbackDecoding();
    return this.decoding.decode(sample);
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
