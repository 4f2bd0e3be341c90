export { LoadError, SourceConfigError } from './errors.js';
export { discoverFiles, entityOfFile, loadFile, type DataFile, type Discovery, type EntityFilePatterns, type FileFormat, type FileReadOptions } from './files.js';
export { abandonRunningBatches, loadBatch, totalQuarantined, type BatchResult, type LoadTarget, type ReadFacts } from './load-batch.js';
export { loadSource, summarize, type LoadProgress, type LoadSourceOptions, type LoadSummary } from './load-source.js';
export { loadEntityQuery } from './sql-source.js';
export { filesSourceAt, parseSources, type FilesSource, type PostgresSource, type SourceDefinition } from './sources.js';
export { dateFormats, type DateFormat } from './sql/date-formats.js';
export { decimalSeparators, type DecimalSeparator, type ValueFormats } from './sql/value-formats.js';
export { detectEncoding, openText, type TextEncoding } from './input/decode.js';
