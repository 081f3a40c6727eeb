// The SDK's error hierarchy. `SDKError` is renamed after the client (`TelnyxError`) when copied into an SDK.

/** Masks secrets in what an error shows: the client's redactor, attached to each error it throws. */
export interface SecretMask {
  text(text: string): string;
  value(value: unknown): unknown;
  headers(headers: Headers): Record<string, string>;
}

/** The mask of each error a client threw; errors made elsewhere (by users, in tests) show as they are. */
const masks = new WeakMap<Error, SecretMask>();
/** Errors being inspected right now: the second, inner call formats them the default way. */
const inspecting = new WeakSet<Error>();

/** Base class of every error this SDK throws. */
export class SDKError extends Error {
  override get name(): string {
    return this.constructor.name;
  }

  /** `JSON.stringify(error)`: name, message and own fields (headers as an object), secrets masked. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this))
      out[key] = value instanceof Headers ? Object.fromEntries(value) : value;
    const mask = masks.get(this);
    return mask ? (mask.value(out) as Record<string, unknown>) : out;
  }
}

/**
 * What `console.log(error)`, `util.inspect(error)` and an uncaught error print in Node, for an error a client masked:
 * the default rendering (stack, cause, fields), with every secret the client holds masked. Set on each masked error
 * rather than declared in the class: a computed class member would be a side effect that bundlers keep.
 */
function inspectMasked(
  this: Error,
  _depth: number,
  options: object,
  inspect: (value: unknown, options: object) => string,
): unknown {
  const mask = masks.get(this);
  if (!mask || inspecting.has(this)) return this;
  inspecting.add(this);
  try {
    return mask.text(inspect(this, options));
  } finally {
    inspecting.delete(this);
  }
}

/** Raw (unmasked) body and headers of API errors a client masked. */
const unmasked = new WeakMap<APIError, { error: unknown; headers: Headers }>();

/**
 * Masks every secret `mask` knows in an error the client is about to throw: message and stack, and for an `APIError`
 * its `error` and `headers` (replaced by masked copies; the raw ones stay reachable through `rawError`/`rawHeaders`).
 * Anything else it holds (a cause) is masked when shown, by the custom inspect set here and by `toJSON`.
 */
export function maskError<E extends Error>(error: E, mask: SecretMask): E {
  if (masks.has(error)) return error;
  // A custom inspect on an error is set below; one that is frozen (a caller's) is left as it is, its message included.
  if (!Object.isExtensible(error)) return error;
  error.message = mask.text(error.message);
  // Formatted now, after the message is masked, and masked again for anything else it quotes.
  if (typeof error.stack === 'string') error.stack = mask.text(error.stack);
  masks.set(error, mask);
  Object.defineProperty(error, Symbol.for('nodejs.util.inspect.custom'), {
    value: inspectMasked,
    configurable: true,
    writable: true,
  });
  if (error instanceof APIError) {
    unmasked.set(error, { error: error.error, headers: error.headers });
    Object.defineProperty(error, 'error', { value: mask.value(error.error), enumerable: true });
    Object.defineProperty(error, 'headers', { value: new Headers(mask.headers(error.headers)), enumerable: true });
  }
  return error;
}

/** A request reached the API and it answered with a non-success status. */
export class APIError extends SDKError {
  /** The HTTP status of the response. */
  readonly status: number;
  /** The response headers; credential headers and every secret the client holds are masked (see `rawHeaders`). */
  readonly headers: Headers;
  /** The parsed response body (JSON when the API sent JSON, else the text), secrets masked (see `rawError`). */
  readonly error: unknown;

  constructor(status: number, error: unknown, headers: Headers, message?: string) {
    super(message ?? APIError.makeMessage(status, error));
    this.status = status;
    this.error = error;
    this.headers = headers;
  }

  /**
   * The response body as the API sent it, secrets unmasked: read it on purpose, never log it. A getter on the
   * prototype, so that printing or serializing the error never shows it.
   */
  get rawError(): unknown {
    return unmasked.get(this)?.error ?? this.error;
  }

  /** The response headers as the API sent them, secrets unmasked (like `rawError`: never log them). */
  get rawHeaders(): Headers {
    return unmasked.get(this)?.headers ?? this.headers;
  }

  /** The readable message: the status, then the API's own error text where it gives one. */
  static makeMessage(status: number, body: unknown): string {
    const detail = describeErrorBody(body);
    return detail ? `${status} ${detail}` : `${status} status code (no body)`;
  }

  /** Builds the subclass that matches `status`. */
  static generate(status: number, body: unknown, headers: Headers): APIError {
    const Class = errorClassForStatus(status);
    return new Class(status, body, headers);
  }
}

/** 400 */
export class BadRequestError extends APIError {}
/** 401 */
export class AuthenticationError extends APIError {}
/** 403 */
export class PermissionDeniedError extends APIError {}
/** 404 */
export class NotFoundError extends APIError {}
/** 409 */
export class ConflictError extends APIError {}
/** 422 */
export class UnprocessableEntityError extends APIError {}
/** 429 */
export class RateLimitError extends APIError {}
/** Any status of 500 or above. */
export class InternalServerError extends APIError {}

/** The request never got a response: DNS, connection refused, reset. */
export class APIConnectionError extends SDKError {
  constructor(message = 'Connection error.', options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The request took longer than its timeout. */
export class APIConnectionTimeoutError extends APIConnectionError {
  constructor(message = 'Request timed out.') {
    super(message);
  }
}

/** The caller aborted the request through its `signal`. */
export class APIUserAbortError extends SDKError {
  constructor(message = 'Request was aborted.') {
    super(message);
  }
}

const byStatus: Record<number, typeof APIError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

function errorClassForStatus(status: number): typeof APIError {
  if (status >= 500) return InternalServerError;
  return byStatus[status] ?? APIError;
}

/**
 * Finds the human text in an error body. Knows the common shapes:
 * `{errors: [{title, detail}]}` (JSON:API, Telnyx), `{error, error_description}` (OAuth 2.0),
 * `{message}` and `{error: {message}}`; otherwise a bounded excerpt of the body.
 */
export function describeErrorBody(body: unknown): string | undefined {
  if (body === undefined || body === null || body === '') return undefined;
  if (typeof body === 'string') return truncate(body);
  if (typeof body !== 'object') return String(body);
  const record = body as Record<string, unknown>;
  if (Array.isArray(record['errors']) && record['errors'].length > 0) {
    const parts = record['errors'].map((item) => describeOne(item)).filter((text): text is string => !!text);
    if (parts.length > 0) return parts.join('; ');
  }
  const described = describeOne(record);
  return described ?? truncate(JSON.stringify(body));
}

function describeOne(item: unknown): string | undefined {
  if (typeof item === 'string') return item;
  if (!item || typeof item !== 'object') return undefined;
  const record = item as Record<string, unknown>;
  const text = (key: string): string | undefined => {
    const value = record[key];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  if (record['error'] && typeof record['error'] === 'object') return describeOne(record['error']);
  const code = text('code') ?? text('error');
  const detail = text('detail') ?? text('error_description') ?? text('message') ?? text('title');
  if (code && detail) return `${code}: ${detail}`;
  return detail ?? code;
}

function truncate(text: string, max = 500): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
