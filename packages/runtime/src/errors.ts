/** A service could not be started, reached or stopped; the message says what to do. */
export class ServiceError extends Error {
  override readonly name = 'ServiceError';
}
