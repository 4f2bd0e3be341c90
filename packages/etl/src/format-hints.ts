import type { QuarantineReason } from '@ppm/core';
import type { BatchResult, LoadTarget } from './load-batch.js';
import { dateFormats, dateLayout, isoDateFormat, type DateFormat } from './sql/date-formats.js';

/** Quarantined values looked at per batch: enough to tell a layout, few enough to read at once. */
const sampleSize = 200;

/** A batch whose quarantine holds at least this share of its rows for one reason gets a hint. */
const hintShare = 0.5;

/** The ISO text of a date in `format`, or null when the text is not a real date in it. */
function isoIn(format: DateFormat, text: string): string | null {
  const layout = dateLayout(format);
  if (!layout) return null;
  const match = new RegExp(layout.pattern).exec(text);
  if (!match) return null;
  const iso = layout.toIso.replace(/\\(\d)/g, (_, group: string) => match[Number(group)] ?? '');
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? iso : null;
}

/** The declared layouts (besides ISO) that read every sample as a real date. */
export function dateFormatsReading(samples: readonly string[]): DateFormat[] {
  return dateFormats.filter((format) => format !== isoDateFormat && samples.length > 0 && samples.every((text) => isoIn(format, text.trim()) !== null));
}

/** Decimal-comma numbers (1.234,50, 12,5), with currency signs and spaces as the loader ignores them. */
const decimalComma = /^[+-]?([0-9]+|[0-9]{1,3}(\.[0-9]{3})+),[0-9]+$/;

/** Whether every sample is a number with a decimal comma (and at least one has one). */
export function readAsDecimalComma(samples: readonly string[]): boolean {
  return samples.length > 0 && samples.every((text) => decimalComma.test(text.replace(/[\s$€£¥]/g, '')));
}

function dateHint(fileName: string, formats: readonly DateFormat[]): string | null {
  if (formats.length === 0) return null;
  const setting = `date_format: ${formats[0]!} on the source in config/sources.yml (--date-format with --path)`;
  if (formats.length === 1) return `${fileName}: its dates read as ${formats[0]!}: set ${setting} and load the file again`;
  return `${fileName}: its dates read as any of ${formats.join(', ')} (no day above 12 tells them apart): check which the export writes and set it as date_format on the source in config/sources.yml, then load the file again`;
}

const decimalHint = (fileName: string) =>
  `${fileName}: its numbers use a decimal comma (1.234,50): set decimal_separator: "," on the source in config/sources.yml (--decimal-separator , with --path) and load the file again`;

async function quarantinedValues(db: LoadTarget['db'], loadId: string, reasons: readonly QuarantineReason[]): Promise<string[]> {
  const rows = await db('ops.quarantine')
    .where({ load_id: loadId })
    .whereIn('reason_code', reasons)
    .whereNotNull('field')
    .orderBy('line_number')
    .limit(sampleSize)
    .select(db.raw('raw_row ->> field as value'));
  return rows.map((row: { value: string | null }) => row.value).filter((value): value is string => value !== null);
}

const share = (batch: BatchResult, reasons: readonly QuarantineReason[]) =>
  reasons.reduce((sum, reason) => sum + (batch.quarantinedByReason[reason] ?? 0), 0) / Math.max(1, batch.rowsRead);

/**
 * What to set when most of a file's rows were quarantined for a date or number format the
 * source could declare: the layout its dates read in (never applied, only suggested: a
 * layout is not guessed), or the decimal comma.
 */
export async function formatHints(db: LoadTarget['db'], batches: readonly BatchResult[]): Promise<string[]> {
  const hints: string[] = [];
  const dateReasons: QuarantineReason[] = ['invalid_date', 'invalid_timestamp'];
  for (const batch of batches) {
    if (batch.status !== 'succeeded') continue;
    if (share(batch, dateReasons) >= hintShare) {
      const hint = dateHint(batch.fileName, dateFormatsReading(await quarantinedValues(db, batch.loadId, dateReasons)));
      if (hint) hints.push(hint);
    }
    if (share(batch, ['invalid_number']) >= hintShare && readAsDecimalComma(await quarantinedValues(db, batch.loadId, ['invalid_number']))) {
      hints.push(decimalHint(batch.fileName));
    }
  }
  return hints;
}
