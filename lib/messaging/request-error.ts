// The error a failed request rejects with: the background's error code and message, or `internal`
// when the answer itself was malformed.
export class RequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}
