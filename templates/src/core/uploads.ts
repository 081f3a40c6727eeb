// File uploads: `toFile()` turns what users have (a Buffer, a stream, a Response...) into a `File` for multipart bodies.

/** A `Response`, or anything with its `url` and `blob()` (what a fetch of another library gives). */
export interface ResponseLike {
  url: string;
  blob(): Promise<Blob>;
}

/** What `toFile()` accepts. */
export type ToFileInput =
  | Blob
  | ArrayBuffer
  | ArrayBufferView
  | Response
  | ResponseLike
  | AsyncIterable<Uint8Array | string>
  | ReadableStream<Uint8Array>
  | string;

/** The `File` properties `toFile()` can set: its media type and last-modified time (ms since the epoch). */
export interface ToFileOptions {
  type?: string;
  lastModified?: number;
}

/**
 * What a binary body or an upload field accepts: a `File` or `Blob`, bytes (`Buffer`, `Uint8Array`, `ArrayBuffer`), a
 * web `ReadableStream`, a Node `fs.ReadStream` or any async iterable of bytes, or a `Response`. Streams are sent as
 * streams where the platform can (Node, Bun, Deno), buffered in browsers, which stream uploads only over HTTP/2.
 */
export type Uploadable =
  | Blob
  | ArrayBuffer
  | ArrayBufferView
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array | string>
  | Response;

/**
 * Makes a `File` from a `Blob`/`File`, `Buffer`, `ArrayBuffer`, typed array, `Response` (or any object with `url` and
 * `blob()`), Node `fs.ReadStream` or any async iterable of bytes, or a web `ReadableStream`. The name defaults to the
 * source's (`path` of a read stream, the last segment of a response's URL), else `unknown_file`, as in the official
 * SDKs; a `File` given without a name or options is returned as it is.
 */
export async function toFile(
  value: ToFileInput | PromiseLike<ToFileInput>,
  name?: string,
  options: ToFileOptions = {},
): Promise<File> {
  if (typeof File === 'undefined')
    throw new Error('`File` is not defined as a global, which is required for file uploads.');
  const input = await value;
  const fileName = name ?? nameOf(input) ?? 'unknown_file';
  if (input instanceof File && name === undefined && options.type === undefined && options.lastModified === undefined)
    return input;
  const properties = (type: string | undefined): FilePropertyBag => ({
    ...((options.type ?? type) !== undefined && { type: options.type ?? type }),
    ...(options.lastModified !== undefined && { lastModified: options.lastModified }),
  });
  if (input instanceof Blob) return new File([input], fileName, properties(input.type));
  if (isResponseLike(input)) {
    const blob = await input.blob();
    return new File([blob], fileName, properties(blob.type));
  }
  const parts: BlobPart[] = [];
  if (typeof input === 'string') parts.push(input);
  else if (input instanceof ArrayBuffer) parts.push(input);
  else if (ArrayBuffer.isView(input))
    parts.push(new Uint8Array(input.buffer, input.byteOffset, input.byteLength).slice());
  else if (isReadableStream(input)) parts.push(...(await collect(iterateStream(input))));
  else if (isAsyncIterable(input)) parts.push(...(await collect(input)));
  // The official SDKs' words, which their tests match.
  else throw new Error(`Unexpected data type: ${typeof input}${constructorAndProps(input)}`);
  return new File(parts, fileName, properties(undefined));
}

function isResponseLike(value: unknown): value is ResponseLike {
  return (
    value instanceof Response ||
    (value !== null &&
      typeof value === 'object' &&
      typeof (value as ResponseLike).url === 'string' &&
      typeof (value as ResponseLike).blob === 'function')
  );
}

/** `; constructor: Object; props: ["foo"]` for an object, nothing else for other values. */
function constructorAndProps(value: unknown): string {
  if (value === null || typeof value !== 'object') return '';
  const made = (value as { constructor?: { name?: string } }).constructor?.name;
  const props = Object.getOwnPropertyNames(value)
    .map((prop) => JSON.stringify(prop))
    .join(', ');
  return `${made ? `; constructor: ${made}` : ''}; props: [${props}]`;
}

/**
 * The encoder of `multipart/form-data` bodies (a method's `encode`): every upload that is not a `Blob` is read into a
 * `File` (`FormData` holds only those), then the fields become parts. A `FormData` is sent as it is.
 */
export async function multipartBody(body: unknown): Promise<FormData> {
  if (body instanceof FormData || body === null || typeof body !== 'object') return toMultipartForm(body);
  const fields = await Promise.all(
    Object.entries(body as Record<string, unknown>).map(
      async ([key, value]) =>
        [key, Array.isArray(value) ? await Promise.all(value.map(uploadPart)) : await uploadPart(value)] as const,
    ),
  );
  return toMultipartForm(Object.fromEntries(fields));
}

/**
 * The encoder of binary bodies (a method's `encode`): iterables and Node streams become a `ReadableStream`, a
 * `Response` its body; bytes, `Blob`s and text are sent as they are.
 */
export async function binaryBody(body: unknown): Promise<BodyInit> {
  if (body instanceof Response) return binaryBody(body.body ?? new Uint8Array());
  const stream = isReadableStream(body) ? body : isIterableOfChunks(body) ? iterableToStream(body) : undefined;
  if (stream === undefined) return body as BodyInit;
  // Browsers send a stream only over HTTP/2 (Chromium refuses it on HTTP/1.1): there it is read into a Blob first.
  if (!streamsUploads()) return new Blob(await collect(iterateStream(stream)));
  return stream;
}

/** An upload field's value as a `FormData` part: bytes and streams become a `File`; anything else is kept. */
async function uploadPart(value: unknown): Promise<unknown> {
  if (value instanceof Blob || !isUpload(value)) return value;
  return toFile(value as ToFileInput);
}

function streamsUploads(): boolean {
  const global = globalThis as { process?: { versions?: Record<string, string> }; Deno?: unknown; Bun?: unknown };
  return global.Deno !== undefined || global.Bun !== undefined || global.process?.versions?.['node'] !== undefined;
}

/** Async iterables (Node streams included) and iterators of chunks that are not bytes or text themselves. */
function isIterableOfChunks(value: unknown): value is AsyncIterable<unknown> | Iterable<unknown> {
  if (
    value === null ||
    typeof value !== 'object' ||
    ArrayBuffer.isView(value) ||
    value instanceof ArrayBuffer ||
    value instanceof Blob
  )
    return false;
  if (value instanceof URLSearchParams || value instanceof FormData) return false;
  return Symbol.asyncIterator in value || Symbol.iterator in value;
}

/** A pull stream over an iterable of chunks: strings UTF-8 encoded, typed arrays as their bytes. */
function iterableToStream(iterable: AsyncIterable<unknown> | Iterable<unknown>): ReadableStream<Uint8Array> {
  const iterator = Symbol.asyncIterator in iterable ? iterable[Symbol.asyncIterator]() : iterable[Symbol.iterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await iterator.next();
      if (done) return controller.close();
      if (typeof value === 'string') controller.enqueue(encoder.encode(value));
      else if (ArrayBuffer.isView(value))
        controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      else if (value instanceof ArrayBuffer) controller.enqueue(new Uint8Array(value));
      else
        controller.error(new TypeError(`A stream body yielded a ${describe(value)}; chunks must be strings or bytes.`));
    },
    async cancel(reason) {
      await iterator.return?.(reason);
    },
  });
}

/**
 * Builds `multipart/form-data` from a params object: files as file parts; arrays as `key[]` parts and nested objects
 * as `key[prop]` parts (the bracket convention servers and mock servers such as Prism parse back into structures).
 */
export function toMultipartForm(body: unknown): FormData {
  if (body instanceof FormData) return body;
  const form = new FormData();
  if (body === null || typeof body !== 'object') return form;
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) appendPart(form, key, value);
  return form;
}

function appendPart(form: FormData, key: string, value: unknown): void {
  if (value === undefined) return;
  if (value instanceof Blob) form.append(key, value, value instanceof File ? value.name : 'blob');
  else if (Array.isArray(value)) value.forEach((item) => appendPart(form, `${key}[]`, item));
  else if (value instanceof Date) form.append(key, value.toISOString());
  else if (value !== null && typeof value === 'object') {
    for (const [name, item] of Object.entries(value as Record<string, unknown>))
      appendPart(form, `${key}[${name}]`, item);
  } else form.append(key, value === null ? '' : String(value));
}

async function collect(iterable: AsyncIterable<Uint8Array | string>): Promise<BlobPart[]> {
  const parts: BlobPart[] = [];
  for await (const chunk of iterable) parts.push(typeof chunk === 'string' ? chunk : chunk.slice());
  return parts;
}

async function* iterateStream(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

function isReadableStream(value: unknown): value is ReadableStream<Uint8Array> {
  return typeof ReadableStream !== 'undefined' && value instanceof ReadableStream;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<Uint8Array | string> {
  return value !== null && typeof value === 'object' && Symbol.asyncIterator in value;
}

function nameOf(value: unknown): string | undefined {
  if (value instanceof File) return value.name;
  if (isResponseLike(value)) {
    try {
      return new URL(value.url).pathname.split('/').pop() || undefined;
    } catch {
      return undefined; // no URL (a Response made by hand) or not a URL
    }
  }
  const path = (value as { path?: unknown } | null)?.path;
  if (typeof path === 'string') return path.split(/[\\/]/).pop();
  return undefined;
}

function describe(value: unknown): string {
  return value === null ? 'null' : typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value;
}

/**
 * A body an operation takes as JSON and as a multipart form: the form when the body carries a file (a field, or an
 * item of a list field, that is an upload), else undefined, and the body goes as JSON. Only SDK calls that take both
 * bundle it (RequestSpec.multipart).
 */
export function multipartIfFiles(body: unknown): Promise<FormData> | undefined {
  return carriesFile(body) ? multipartBody(body) : undefined;
}

function carriesFile(body: unknown): boolean {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return false;
  return Object.values(body).some((value) => (Array.isArray(value) ? value.some(isUpload) : isUpload(value)));
}

/** An `Uploadable`: a Blob or File, bytes, a stream, an async iterable of chunks, a Response. */
function isUpload(value: unknown): boolean {
  return (
    value instanceof Blob ||
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value) ||
    value instanceof Response ||
    isReadableStream(value) ||
    isAsyncIterable(value)
  );
}
