/** What a finished request gives: the parsed body and the raw `Response` it came from. */
export interface APIResponse<T> {
  data: T;
  response: Response;
}

/**
 * A response as the request loop hands it over: the `Response`, and its body when the SDK read it itself (inside the
 * request's timeout, so a body that trickles forever ends in a timeout).
 */
export interface RawResponse {
  response: Response;
  body?: string | Blob | undefined;
}

/** Shared with the request loop: set when the caller wants the raw `Response`, so the loop leaves its body unread. */
export interface ResponseMode {
  raw: boolean;
}

/** A response as the official SDKs hand one to their `APIPromise` (`new APIPromise(client, responsePromise)`). */
export interface OfficialResponse {
  response: Response;
  /** Names the request in the debug log. */
  requestLogID?: string;
  retryOfRequestLogID?: string | undefined;
  /** `Date.now()` when the request started, for the logged duration. */
  startTime?: number;
  controller?: AbortController;
  options?: { method?: string; path?: string };
}

/** What the official form needs of its client: the SDK client's own parse (see BaseClient.parseOfficialResponse). */
interface OfficialParser {
  parseOfficialResponse?(response: OfficialResponse): Promise<unknown>;
}

/**
 * The promise every SDK method returns. Awaiting it gives the parsed body;
 * `.withResponse()` gives the body and the `Response`; `.asResponse()` gives the `Response` alone.
 */
export class APIPromise<T> extends Promise<T> {
  private parsed: Promise<APIResponse<T>> | undefined;
  private readonly responsePromise: Promise<RawResponse>;
  /** The body from the response: at once where it can be (a body the loop read as text), else a promise. */
  private readonly parse: (raw: RawResponse) => T | Promise<T>;
  private readonly mode: ResponseMode;

  constructor(responsePromise: Promise<RawResponse>, parse: (raw: RawResponse) => T | Promise<T>, mode?: ResponseMode);
  /**
   * The official SDKs' form, for code written against them: a client of this SDK and a response it got. The body is
   * parsed as they parse it (JSON where the content type says so, else the text; none for a 204), and logged at
   * `debug` by that client's logger.
   */
  constructor(client: object, responsePromise: Promise<OfficialResponse>);
  constructor(
    first: Promise<RawResponse> | object,
    second: ((raw: RawResponse) => T | Promise<T>) | Promise<OfficialResponse>,
    mode: ResponseMode = { raw: false },
  ) {
    // The executor is a no-op: `then` below reads from `responsePromise`, so the request runs once.
    super((resolve) => resolve(undefined as T));
    this.mode = mode;
    if (first instanceof Promise) {
      this.responsePromise = first;
      this.parse = second as (raw: RawResponse) => T | Promise<T>;
      return;
    }
    const client = first as OfficialParser;
    let official: OfficialResponse;
    this.responsePromise = (second as Promise<OfficialResponse>).then((response) => {
      official = response;
      return { response: response.response };
    });
    this.parse = () => (client.parseOfficialResponse?.(official) ?? official.response.text()) as Promise<T>;
  }

  // Derived promises (from `then`/`catch`) are plain promises, not APIPromises.
  static override get [Symbol.species]() {
    return Promise;
  }

  /** The raw `Response`, body unread. Non-success statuses have already been thrown as errors. */
  asResponse(): Promise<Response> {
    this.mode.raw = true;
    return this.responsePromise.then(({ response, body }) => {
      if (body === undefined) return response;
      // The body was read before `asResponse()` was called: hand out a response carrying the same bytes.
      const empty = response.status === 204 || response.status === 205 || response.status === 304;
      return new Response(empty ? null : body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    });
  }

  /** The parsed body together with the raw `Response`. */
  withResponse(): Promise<APIResponse<T>> {
    return this.parseOnce();
  }

  private parseOnce(): Promise<APIResponse<T>> {
    this.parsed ??= this.responsePromise.then((raw) => {
      const data = this.parse(raw);
      return data instanceof Promise
        ? data.then((value: T) => ({ data: value, response: raw.response }))
        : { data, response: raw.response };
    });
    return this.parsed;
  }

  // biome-ignore lint/suspicious/noThenProperty: an APIPromise is a Promise; `then` resolves it to the parsed body.
  override then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    // One promise per `await`: the data handed straight to the caller's callback.
    return this.parseOnce().then(
      onfulfilled ? ({ data }) => onfulfilled(data) : ({ data }) => data as unknown as R1,
      onrejected,
    );
  }

  override catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.then(undefined, onrejected);
  }

  override finally(onfinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onfinally);
  }
}
