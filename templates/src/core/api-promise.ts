/** What a finished request gives: the parsed body and the raw `Response` it came from. */
export interface APIResponse<T> {
  data: T;
  response: Response;
}

/**
 * The promise every SDK method returns. Awaiting it gives the parsed body;
 * `.withResponse()` gives the body and the `Response`; `.asResponse()` gives the `Response` alone.
 */
export class APIPromise<T> extends Promise<T> {
  private parsed: Promise<APIResponse<T>> | undefined;

  constructor(
    private readonly responsePromise: Promise<Response>,
    private readonly parse: (response: Response) => Promise<T>,
  ) {
    // The executor is a no-op: `then` below reads from `responsePromise`, so the request runs once.
    super((resolve) => resolve(undefined as T));
  }

  // Derived promises (from `then`/`catch`) are plain promises, not APIPromises.
  static override get [Symbol.species]() {
    return Promise;
  }

  /** The raw `Response`, body unread. Non-success statuses have already been thrown as errors. */
  asResponse(): Promise<Response> {
    return this.responsePromise;
  }

  /** The parsed body together with the raw `Response`. */
  withResponse(): Promise<APIResponse<T>> {
    return this.parseOnce();
  }

  private parseOnce(): Promise<APIResponse<T>> {
    this.parsed ??= this.responsePromise.then(async (response) => ({ data: await this.parse(response), response }));
    return this.parsed;
  }

  override then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.parseOnce().then(({ data }) => data).then(onfulfilled, onrejected);
  }

  override catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.then(undefined, onrejected);
  }

  override finally(onfinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onfinally);
  }
}
