export const exitCodes = { ok: 0, failed: 1, usage: 2, unavailable: 3 } as const;

const usageErrors = new Set(['ConfigError', 'SourceConfigError', 'LoadError', 'ModelsConfigError', 'ModelCompileError', 'ModelSelectionError', 'GeneratorOptionsError']);

export function exitCodeFor(error: unknown): number {
  if (!(error instanceof Error)) return exitCodes.failed;
  if (error.name === 'ServiceError') return exitCodes.unavailable;
  if (usageErrors.has(error.name)) return exitCodes.usage;
  return exitCodes.failed;
}

export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `\n  caused by: ${error.cause.message}` : '';
  return `${error.name === 'Error' ? 'Error' : error.name}: ${error.message}${cause}`;
}
