import type { ProgramFindingRow } from '../types.js';

/** A finding before the columns every row shares (id, period, config version). */
export type FindingDraft = Omit<ProgramFindingRow, 'finding_id' | 'period_start' | 'config_version'>;
