// Copied from templates/src/core/error.ts by the SDK generator. Do not edit: change the source and run `npm run generate`.

// The SDK's error hierarchy. `TelnyxError` is renamed after the client (`TelnyxError`) when copied into an SDK.

/** Base class of every error this SDK throws. */
export class TelnyxError extends Error {
  override get name(): string {
    return this.constructor.name;
  }
}

/** A request reached the API and it answered with a non-success status. */
export class APIError extends TelnyxError {
  /** The HTTP status of the response. */
  readonly status: number;
  /** The response headers. */
  readonly headers: Headers;
  /** The parsed response body (JSON when the API sent JSON, else the text). */
  readonly error: unknown;

  constructor(status: number, error: unknown, headers: Headers, message?: string) {
    super(message ?? APIError.makeMessage(status, error));
    this.status = status;
    this.error = error;
    this.headers = headers;
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
export class APIConnectionError extends TelnyxError {
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
export class APIUserAbortError extends TelnyxError {
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
