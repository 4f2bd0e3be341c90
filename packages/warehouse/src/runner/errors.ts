/** A models folder that cannot be loaded: bad YAML, a duplicate model, an unknown ref, a cycle. */
export class ModelsConfigError extends Error {
  override readonly name = 'ModelsConfigError';
}

/** A template that cannot be rendered: syntax, an unset var, an undeclared source. */
export class ModelCompileError extends Error {
  override readonly name = 'ModelCompileError';
}

/** A --select or --exclude that names nothing or cannot be parsed. */
export class ModelSelectionError extends Error {
  override readonly name = 'ModelSelectionError';
}
