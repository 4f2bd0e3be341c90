/** Configuration of the semantic layer is missing or wrong; the message says what to set. */
export class SemanticConfigError extends Error {
  override readonly name = 'SemanticConfigError';
}

/** A pre-aggregation could not be built. */
export class PreAggregationRefreshError extends Error {
  override readonly name = 'PreAggregationRefreshError';
}
