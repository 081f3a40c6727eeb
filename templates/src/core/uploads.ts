// File uploads: `toFile()` turns what users have (a Buffer, a stream, a Response...) into a `File` for multipart bodies.

/** What `toFile()` accepts. */
export type ToFileInput =
  | Blob
  | ArrayBuffer
  | ArrayBufferView
  | Response
  | AsyncIterable<Uint8Array | string>
  | ReadableStream<Uint8Array>
  | string;

/** Anything an upload field accepts directly: a `File` or `Blob` (make one from other sources with `toFile()`). */
export type Uploadable = Blob;

/**
 * Makes a `File` from a `Blob`/`File`, `Buffer`, `ArrayBuffer`, typed array, `Response`, Node `fs.ReadStream` or any
 * async iterable of bytes, or a web `ReadableStream`. The name defaults to the source's (`path` of a read stream).
 */
export async function toFile(value: ToFileInput | PromiseLike<ToFileInput>, name?: string, options: { type?: string } = {}): Promise<File> {
  const input = await value;
  const fileName = name ?? nameOf(input) ?? 'upload';
  if (input instanceof File && name === undefined && options.type === undefined) return input;
  if (input instanceof Blob) return new File([input], fileName, { type: options.type ?? input.type });
  if (input instanceof Response) {
    const blob = await input.blob();
    return new File([blob], fileName, { type: options.type ?? blob.type });
  }
  const parts: BlobPart[] = [];
  if (typeof input === 'string') parts.push(input);
  else if (input instanceof ArrayBuffer) parts.push(input);
  else if (ArrayBuffer.isView(input)) parts.push(new Uint8Array(input.buffer, input.byteOffset, input.byteLength).slice());
  else if (isReadableStream(input)) parts.push(...(await collect(iterateStream(input))));
  else if (isAsyncIterable(input)) parts.push(...(await collect(input)));
  else throw new TypeError(`toFile() cannot read a ${describe(input)}; pass a Blob, File, Buffer, ArrayBuffer, Response, stream or async iterable.`);
  return new File(parts, fileName, options.type !== undefined ? { type: options.type } : {});
}

/**
 * Builds `multipart/form-data` from a params object: files as file parts; arrays as `key[]` parts and nested objects
 * as `key[prop]` parts (the bracket convention servers and mock servers such as Prism parse back into structures).
 */
export function toMultipartForm(body: unknown): FormData {
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
    for (const [name, item] of Object.entries(value as Record<string, unknown>)) appendPart(form, `${key}[${name}]`, item);
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
  if (value instanceof Response) return new URL(value.url || 'http://x/').pathname.split('/').pop() || undefined;
  const path = (value as { path?: unknown } | null)?.path;
  if (typeof path === 'string') return path.split(/[\\/]/).pop();
  return undefined;
}

function describe(value: unknown): string {
  return value === null ? 'null' : typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value;
}
