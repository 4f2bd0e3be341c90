import { describe, expect, it } from 'vitest';
import { decodeWindows1252, Utf8WithWindows1252Fallback } from '../src/input/utf8-fallback.js';

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const windows1252 = (text: string) => Buffer.from(new Uint8Array([...text].map((char) => ({ 'ü': 0xfc, 'é': 0xe9, '€': 0x80, 'ß': 0xdf })[char] ?? char.charCodeAt(0))));

/** Decodes `bytes` split into chunks at the given offsets. */
function decodeInChunks(bytes: Buffer, cuts: readonly number[]): { text: string; decoder: Utf8WithWindows1252Fallback } {
  const decoder = new Utf8WithWindows1252Fallback();
  const bounds = [0, ...cuts, bytes.length];
  let text = '';
  for (let index = 0; index + 1 < bounds.length; index++) text += decoder.decode(bytes.subarray(bounds[index], bounds[index + 1]), index + 2 === bounds.length);
  return { text, decoder };
}

describe('UTF-8 with a Windows-1252 fallback', () => {
  it('decodes UTF-8 exactly, wherever the chunks split a character', () => {
    const text = 'Müller GmbH,Société Générale,€ 5,日本,😀\n';
    const bytes = utf8(text);
    for (let cut = 1; cut < bytes.length; cut++) {
      const result = decodeInChunks(bytes, [cut]);
      expect(result.text, `cut at ${cut}`).toBe(text);
      expect(result.decoder.fellBack).toBe(false);
    }
  });

  it('decodes a Windows-1252 file exactly', () => {
    const result = decodeInChunks(windows1252('Müller,Société,€ 5,Straße\n'), [3, 9]);
    expect(result.text).toBe('Müller,Société,€ 5,Straße\n');
    expect(result.decoder.fellBack).toBe(true);
    expect(result.decoder.sawMultibyte).toBe(false);
  });

  it('decodes each part of a file that mixes the two', () => {
    const bytes = Buffer.concat([utf8('Société Générale\n'), windows1252('Müller GmbH\n'), utf8('Straße\n')]);
    const result = decodeInChunks(bytes, [5, 18, 20]);
    expect(result.text).toBe('Société Générale\nMüller GmbH\nStraße\n');
    expect(result.decoder.fellBack).toBe(true);
    expect(result.decoder.sawMultibyte).toBe(true);
  });

  it('reads a lead byte cut off at the end of the file as Windows-1252', () => {
    const result = decodeInChunks(Buffer.from([0x61, 0xc3]), []);
    expect(result.text).toBe('aÃ');
  });

  it('rejects overlong and surrogate sequences as UTF-8 (each byte read as Windows-1252)', () => {
    expect(decodeInChunks(Buffer.from([0xc0, 0xaf]), []).text).toBe('À¯');
    expect(decodeInChunks(Buffer.from([0xed, 0xa0, 0x80]), []).text).toBe('í\u00a0€');
  });
});

describe('Windows-1252', () => {
  it('reads 0x80-0x9F as the euro sign and curly quotes, not as control characters', () => {
    expect(decodeWindows1252(Buffer.from([0x80, 0x20, 0x93, 0x61, 0x94, 0x96, 0xfc]))).toBe('€ “a”–ü');
  });
});
