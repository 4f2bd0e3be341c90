import { formatCents } from '../money.js';

/**
 * Valid-but-messy spellings the loader must accept: enum values in other cases, with
 * spaces for underscores or padded with spaces, numbers with thousands separators.
 */
export function messyEnum(value: string, variant: number): string {
  switch (variant % 4) {
    case 0:
      return value.toUpperCase();
    case 1:
      return value.split('_').map((word) => (word.length <= 3 ? word.toUpperCase() : word[0]?.toUpperCase() + word.slice(1))).join(' ');
    case 2:
      return `  ${value} `;
    default:
      return value.replaceAll('_', '-');
  }
}

/** 1234567.5 as "1,234,567.50". */
export function withThousands(cents: number): string {
  const text = formatCents(cents);
  const negative = text.startsWith('-');
  const [whole = '', fraction = '00'] = (negative ? text.slice(1) : text).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}.${fraction}`;
}

export function padded(text: string): string {
  return ` ${text} `;
}

/** The null marker spelled out, as some exports write it. */
export const nullMarker = 'NULL';
