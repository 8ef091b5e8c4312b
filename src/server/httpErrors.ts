/** An error that carries the HTTP status and the short, safe message a client may see. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

const CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
  500: 'internal_error',
  502: 'bad_gateway',
  503: 'unavailable',
};

/** The JSON body for an error response: a code and a plain message, never a stack or internals. */
export function errorBody(status: number, message?: string): { error: string; message: string } {
  const code = CODES[status] ?? (status >= 500 ? 'internal_error' : 'bad_request');
  return { error: code, message: message ?? code.replace(/_/g, ' ') };
}
