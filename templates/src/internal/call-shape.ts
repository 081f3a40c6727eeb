/**
 * The query an operation sends, from the caller's params: keys the SDK names otherwise put back under the API's
 * names (`include` -> `include[]`), then the params its path fixes (`/things?beta=true`), which the caller cannot
 * override. Returns the query as given when neither applies.
 */
export function wireQuery(
  query: object | undefined,
  names: Readonly<Record<string, string>> | undefined,
  fixed: Readonly<Record<string, string>> | undefined,
): object | undefined {
  if (names === undefined && fixed === undefined) return query;
  // Keyed by the API's names: without a prototype, `__proto__` is a param like any other.
  const out = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of Object.entries(query ?? {}))
    out[names !== undefined && Object.hasOwn(names, key) ? names[key]! : key] = value;
  for (const [key, value] of Object.entries(fixed ?? {})) out[key] = value;
  return out;
}

/** The parts of a call's description that say how its body goes (a subset of `RequestSpec`, which imports this). */
interface BodySpec {
  bodyEncoding?: 'json' | 'form' | 'multipart' | 'binary' | 'text';
  encode?: (body: unknown) => BodyInit | Promise<BodyInit>;
  multipart?: (body: unknown) => Promise<FormData>;
}

/**
 * How a call's body is encoded: as its operation says, except that a body the operation also takes as a multipart
 * form goes multipart when it carries a file (a field, or an item of a list field, that is an upload).
 */
export function bodyEncodingOf(
  spec: BodySpec,
  body: unknown,
): { encoding: NonNullable<BodySpec['bodyEncoding']>; encode: BodySpec['encode'] } {
  if (spec.multipart !== undefined && carriesFile(body)) return { encoding: 'multipart', encode: spec.multipart };
  return { encoding: spec.bodyEncoding ?? 'json', encode: spec.encode };
}

function carriesFile(body: unknown): boolean {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return false;
  return Object.values(body).some((value) => (Array.isArray(value) ? value.some(isUpload) : isUpload(value)));
}

/** An `Uploadable` (core/uploads): a Blob or File, bytes, a stream, an async iterable of chunks, a Response. */
function isUpload(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (value instanceof Blob || value instanceof ArrayBuffer || ArrayBuffer.isView(value) || value instanceof Response)
    return true;
  if (typeof ReadableStream !== 'undefined' && value instanceof ReadableStream) return true;
  return Symbol.asyncIterator in value;
}
