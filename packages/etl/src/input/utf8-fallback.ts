import { isAscii, isUtf8 } from 'node:buffer';

/**
 * Windows-1252's 0x80-0x9F (the WHATWG table; its five unassigned bytes as the C1
 * controls). Written out because Node's TextDecoder reads 'windows-1252' as Latin-1,
 * turning the euro sign and Excel's curly quotes into control characters.
 */
const windows1252High = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Each byte as Windows-1252 reads it. */
const windows1252 = Array.from({ length: 256 }, (_, byte) => String.fromCharCode(byte >= 0x80 && byte < 0xa0 ? windows1252High[byte - 0x80]! : byte));

/** Windows-1252 bytes as text (Latin-1 but for 0x80-0x9F). */
export function decodeWindows1252(bytes: Buffer): string {
  return bytes.toString('latin1').replace(/[\x80-\x9f]/g, (char) => windows1252[char.charCodeAt(0)]!);
}

const isContinuation = (byte: number) => (byte & 0xc0) === 0x80;

/** Bytes in the UTF-8 sequence a lead byte starts (0: not a lead byte). */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** The second byte's range for a lead byte (no overlongs, no surrogates, nothing above U+10FFFF). */
function secondByteFits(lead: number, second: number): boolean {
  if (lead === 0xe0) return second >= 0xa0 && second <= 0xbf;
  if (lead === 0xed) return second >= 0x80 && second <= 0x9f;
  if (lead === 0xf0) return second >= 0x90 && second <= 0xbf;
  if (lead === 0xf4) return second >= 0x80 && second <= 0x8f;
  return isContinuation(second);
}

/** Length of the valid UTF-8 sequence at `at` (0: invalid; -1: cut off by the end of `bytes`). */
function validSequenceAt(bytes: Buffer, at: number): number {
  const length = sequenceLength(bytes[at]!);
  if (length <= 1) return length;
  for (let offset = 1; offset < length; offset++) {
    if (at + offset >= bytes.length) return -1;
    const byte = bytes[at + offset]!;
    if (offset === 1 ? !secondByteFits(bytes[at]!, byte) : !isContinuation(byte)) return 0;
  }
  return length;
}

/** Where a sequence cut off by the end of `bytes` starts (bytes.length when none is). */
function incompleteTailStart(bytes: Buffer): number {
  for (let at = bytes.length - 1; at >= Math.max(0, bytes.length - 3); at--) {
    if (isContinuation(bytes[at]!)) continue;
    return validSequenceAt(bytes, at) === -1 ? at : bytes.length;
  }
  return bytes.length;
}

/**
 * Streaming UTF-8 decoding where a byte that is not part of valid UTF-8 is read as
 * Windows-1252: exports from Windows tools are often one or the other, and files
 * concatenated from several exports are sometimes both. Valid UTF-8 decodes exactly, a
 * Windows-1252 file decodes exactly (its accented letters are never valid UTF-8 sequences
 * in practice), and a mixed file decodes each part right. Chunks that are valid UTF-8 take
 * the fast path (a native check and decode).
 */
export class Utf8WithWindows1252Fallback {
  /** Some bytes were read as Windows-1252. */
  fellBack = false;
  /** Some bytes were multi-byte UTF-8 characters. */
  sawMultibyte = false;
  private carry: Buffer | null = null;

  decode(chunk: Buffer, final = false): string {
    const bytes = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    const end = final ? bytes.length : incompleteTailStart(bytes);
    this.carry = end < bytes.length ? Buffer.from(bytes.subarray(end)) : null;
    const body = bytes.subarray(0, end);
    if (isUtf8(body)) {
      if (!this.sawMultibyte && !isAscii(body)) this.sawMultibyte = true;
      return body.toString('utf8');
    }
    return this.decodeMixed(body);
  }

  private decodeMixed(bytes: Buffer): string {
    let text = '';
    let runStart = 0;
    let at = 0;
    while (at < bytes.length) {
      if (bytes[at]! < 0x80) {
        at += 1;
        continue;
      }
      const length = validSequenceAt(bytes, at);
      if (length > 1) {
        this.sawMultibyte = true;
        at += length;
        continue;
      }
      this.fellBack = true;
      text += bytes.toString('utf8', runStart, at) + windows1252[bytes[at]!]!;
      at += 1;
      runStart = at;
    }
    return text + bytes.toString('utf8', runStart, bytes.length);
  }
}
