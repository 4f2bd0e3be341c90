import type { EntityDefinition, FieldType } from '@ppm/core';
import ExcelJS, { type CellValue } from 'exceljs';
import { LoadError } from '../errors.js';
import type { ReadOptions, ReadSummary, RecordSink } from './records.js';
import { TabularRecordMapper } from './tabular.js';

/** Rows handed to the sink between waits for it to drain. */
const rowsPerDrain = 1000;

const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const midnight = (date: Date) => date.getUTCHours() === 0 && date.getUTCMinutes() === 0 && date.getUTCSeconds() === 0 && date.getUTCMilliseconds() === 0;

/**
 * A cell as the text a CSV export would hold: dates (stored by Excel as numbers with a date
 * format) as ISO dates or timestamps, formulas as their result, rich text and links as
 * their text, errors such as #N/A as written.
 */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return midnight(value) ? isoDate(value) : value.toISOString();
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('error' in value) return value.error;
    if ('result' in value) return cellText(value.result);
    if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text);
    return '';
  }
  return String(value);
}

/** Excel's day 0: serial numbers count days from 1899-12-30 (the 1900 leap-year bug included). */
const excelEpoch = Date.UTC(1899, 11, 30);
/** The serial of 9999-12-31, Excel's last date. */
const lastSerial = 2_958_465;

/**
 * A date cell that lost its date format holds Excel's serial number (45000 is 2023-03-15):
 * under a date or timestamp field no other reading of a number exists, so it is read as
 * the date (with its time, if any).
 */
function serialDate(serial: number, type: FieldType): string {
  const date = new Date(excelEpoch + Math.round(serial * 86_400_000));
  return type === 'date' || midnight(date) ? isoDate(date) : date.toISOString();
}

const readsSerial = (value: CellValue, type: FieldType | undefined): value is number =>
  typeof value === 'number' && (type === 'date' || type === 'timestamp') && value >= 1 && value <= lastSerial;

/**
 * A row's cells as text, column A first (ExcelJS rows are 1-based and sparse), at least
 * `width` wide: a sheet does not store trailing empty cells, which are empty values, not
 * a short row.
 */
function rowFields(values: readonly CellValue[] | Record<string, CellValue>, width: number, typeOf: (column: number) => FieldType | undefined): string[] {
  const cells = Array.isArray(values) ? values : [];
  const fields: string[] = [];
  for (let column = 1; column < cells.length; column++) {
    const cell = cells[column] as CellValue;
    const type = typeOf(column - 1);
    fields.push(readsSerial(cell, type) ? serialDate(cell, type as FieldType) : cellText(cell));
  }
  while (fields.length < width) fields.push('');
  return fields;
}

/**
 * Streams the first worksheet of an Excel workbook (.xlsx) into the sink: its first
 * non-empty row is the header; line numbers are the sheet's row numbers.
 */
export async function readXlsx(path: string, entity: EntityDefinition, options: ReadOptions, sink: RecordSink): Promise<ReadSummary> {
  const mapper = new TabularRecordMapper(entity, options, sink);
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  let rowNumber = 0;
  try {
    for await (const worksheet of workbook) {
      let pending = 0;
      for await (const row of worksheet) {
        rowNumber = row.number;
        mapper.take(row.number, rowFields(row.values, mapper.headers?.length ?? 0, (column) => mapper.fieldTypeAt(column)));
        pending += 1;
        if (pending === rowsPerDrain) {
          await sink.drain();
          pending = 0;
        }
      }
      break;
    }
  } catch (error) {
    if (error instanceof LoadError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new LoadError(options.file, `not a readable Excel workbook (.xlsx): ${reason}`, rowNumber || undefined);
  }
  mapper.finish();
  return { records: mapper.records, headers: mapper.headers ?? [], headerLine: mapper.headerLine ?? 1, titleRows: mapper.titleRows };
}
