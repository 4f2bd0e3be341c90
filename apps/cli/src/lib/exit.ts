export const exitCodes = { ok: 0, failed: 1, usage: 2, unavailable: 3, interrupted: 130 } as const;

const usageErrors = new Set(['ConfigError', 'SourceConfigError', 'LoadError', 'ModelsConfigError', 'ModelCompileError', 'ModelSelectionError', 'GeneratorOptionsError']);

export function exitCodeFor(error: unknown): number {
  if (!(error instanceof Error)) return exitCodes.failed;
  if (error.name === 'WorkflowFailedError') return exitCodes.failed;
  if (error.name === 'ServiceError') return exitCodes.unavailable;
  if (usageErrors.has(error.name)) return exitCodes.usage;
  return exitCodes.failed;
}

/** The error and its causes (a failed workflow wraps the failed activity, which wraps the real error). */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const lines = [`${error.name === 'Error' ? 'Error' : error.name}: ${error.message}`];
  for (let cause = error.cause; cause instanceof Error && lines.length < 6; cause = cause.cause) lines.push(`  caused by: ${cause.message}`);
  return lines.join('\n');
}
