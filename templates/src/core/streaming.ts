import { APIConnectionError, APIUserAbortError, SDKError } from './error.js';

/** One server-sent event. */
export interface ServerSentEvent {
  event: string;
  data: string;
  id?: string;
  retry?: number;
}

/**
 * A `text/event-stream` response as an async iterable of its events' data: JSON-parsed where the data is JSON, the
 * text otherwise. `events()` gives the raw events. A stream can be iterated once; `abort()` stops it early.
 */
export class Stream<T> implements AsyncIterable<T> {
  #consumed = false;

  constructor(
    private readonly response: Response,
    private readonly controller?: AbortController,
  ) {}

  /** Stops reading and closes the connection. */
  abort(): void {
    this.controller?.abort();
    void this.response.body?.cancel().catch(() => undefined);
  }

  async *events(): AsyncGenerator<ServerSentEvent> {
    if (this.#consumed) throw new SDKError('A stream can be iterated only once.');
    this.#consumed = true;
    if (!this.response.body) return;
    const reader = this.response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let event: Partial<ServerSentEvent> & { dataLines: string[] } = { dataLines: [] };
    try {
      for (;;) {
        const { done, value } = await reader.read().catch((error: unknown) => {
          throw readError(error);
        });
        if (done) break;
        buffer += value;
        let newline: number;
        while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
          const line = buffer.slice(0, newline);
          buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
          if (line === '') {
            if (event.dataLines.length > 0 || event.event !== undefined) yield finish(event);
            event = { dataLines: [] };
            continue;
          }
          if (line.startsWith(':')) continue;
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const content = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'data') event.dataLines.push(content);
          else if (field === 'event') event.event = content;
          else if (field === 'id') event.id = content;
          else if (field === 'retry' && /^\d+$/.test(content)) event.retry = Number(content);
        }
      }
      if (event.dataLines.length > 0) yield finish(event);
    } finally {
      reader.releaseLock();
    }
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for await (const event of this.events()) {
      if (event.data === '[DONE]') return;
      yield parseData<T>(event.data);
    }
  }
}

/** The reader of `text/event-stream` responses (a method's `decode`). */
export function eventStream(response: Response): Stream<unknown> {
  return new Stream<unknown>(response);
}

/** A failure while reading the stream, as an SDK error: the caller's abort, or a lost connection. */
function readError(error: unknown): SDKError {
  if (error instanceof SDKError) return error;
  if ((error as { name?: unknown } | null)?.name === 'AbortError') return new APIUserAbortError();
  return new APIConnectionError(
    `Connection error while reading the event stream: ${error instanceof Error ? error.message : String(error)}`,
    { cause: error },
  );
}

function finish(event: Partial<ServerSentEvent> & { dataLines: string[] }): ServerSentEvent {
  return {
    event: event.event ?? 'message',
    data: event.dataLines.join('\n'),
    ...(event.id !== undefined && { id: event.id }),
    ...(event.retry !== undefined && { retry: event.retry }),
  };
}

function parseData<T>(data: string): T {
  try {
    return JSON.parse(data) as T;
  } catch {
    return data as T;
  }
}
