/**
 * Errors a client can cause: they carry the Swedish message shown to the client and a stable
 * machine code (the web page reacts to `unknown_conversation`). Anything else is a server error.
 */
export class ClientError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'ClientError';
  }
}

export const badRequest = (message: string, code: string): ClientError => new ClientError(400, message, code);

export function payloadTooLarge(maxBytes: number): ClientError {
  return new ClientError(413, `Förfrågan är för stor (högst ${Math.floor(maxBytes / 1024)} kB).`, 'too_large');
}

/** The one line a client sees for any 5xx; the details go to the log only. */
export const SERVER_ERROR_MESSAGE = 'Något gick fel hos Samverkansboten. Försök igen om en stund.';

/** Swedish wording for the errors restify itself raises (routing, body reading). */
const RESTIFY_ERRORS: Record<string, { error: string; code: string }> = {
  ResourceNotFoundError: { error: 'Sidan finns inte.', code: 'not_found' },
  MethodNotAllowedError: { error: 'Metoden stöds inte för den här adressen.', code: 'method_not_allowed' },
  InvalidContentError: { error: 'Förfrågan innehåller ogiltig JSON.', code: 'invalid_json' },
  UnsupportedMediaTypeError: { error: 'Formatet på förfrågan stöds inte.', code: 'unsupported_media_type' },
  BadDigestError: { error: 'Förfrågan kom fram skadad (Content-MD5 stämmer inte).', code: 'bad_digest' },
  PayloadTooLargeError: { error: 'Förfrågan är för stor.', code: 'too_large' },
  NotAcceptableError: { error: 'Svaret kan inte ges i det format som begärdes.', code: 'not_acceptable' },
};

export interface PublicError {
  statusCode: number;
  body: { error: string; code: string };
}

function statusOf(err: unknown): number | undefined {
  if (!(err instanceof Error) || !('statusCode' in err)) return undefined;
  const status = err.statusCode;
  return typeof status === 'number' && status >= 400 && status <= 599 ? status : undefined;
}

/** What the client is told about an error: the message for 4xx, one plain line for 5xx. */
export function toPublicError(err: unknown): PublicError {
  if (err instanceof ClientError) {
    return { statusCode: err.statusCode, body: { error: err.message, code: err.code } };
  }
  const status = statusOf(err);
  if (status !== undefined && status < 500 && err instanceof Error) {
    const known = RESTIFY_ERRORS[err.name];
    return { statusCode: status, body: known ?? { error: 'Ogiltig förfrågan.', code: 'bad_request' } };
  }
  return { statusCode: status ?? 500, body: { error: SERVER_ERROR_MESSAGE, code: 'server_error' } };
}
