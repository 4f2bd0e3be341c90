/** Windows-1252 encoding: Latin-1 plus the printable characters it puts in 0x80-0x9F. */
const upper: Readonly<Record<number, string>> = {
  0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ', 0x89: '‰',
  0x8a: 'Š', 0x8b: '‹', 0x8c: 'Œ', 0x8e: 'Ž', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•',
  0x96: '–', 0x97: '—', 0x98: '˜', 0x99: '™', 0x9a: 'š', 0x9b: '›', 0x9c: 'œ', 0x9e: 'ž', 0x9f: 'Ÿ',
};

const special = new Map<number, number>(Object.entries(upper).map(([byte, char]) => [char.charCodeAt(0), Number(byte)]));

export function encodeWindows1252(text: string): Buffer {
  const bytes = Buffer.alloc(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const byte = code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : special.get(code);
    if (byte === undefined) {
      throw new Error(`"${text[i] ?? ''}" (U+${code.toString(16).toUpperCase()}) has no Windows-1252 byte; use another character`);
    }
    bytes[i] = byte;
  }
  return bytes;
}
