import { SpecError } from '../core/errors.js';

/** How long a spec URL may take, and how big it may be: a spec is untrusted, and so is the server that serves it. */
const FETCH_TIMEOUT_MS = Number(process.env['SDKGEN_FETCH_TIMEOUT_MS'] ?? 30_000);
const MAX_SPEC_BYTES = Number(process.env['SDKGEN_MAX_SPEC_BYTES'] ?? 64 * 1024 * 1024);

export function isURL(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/** Redirects a spec fetch follows at most. */
const MAX_REDIRECTS = 5;

/**
 * The spec at an http(s) URL, within the time and size limits; a SpecError naming the URL otherwise. Redirects are
 * followed by hand, each hop checked as a `$ref` fetch's are: within the URL's origin (or from http to https on the
 * same host), at most five; one elsewhere is refused, naming where it went (the URL given is what was trusted).
 */
export async function fetchSpec(url: string): Promise<string> {
  let response: Response;
  const signal = AbortSignal.timeout(FETCH_TIMEOUT_MS);
  const start = new URL(url);
  let current = start;
  try {
    for (let hop = 0; ; hop++) {
      response = await fetch(current, {
        signal,
        redirect: 'manual',
        headers: { accept: 'application/yaml, application/json;q=0.9, */*;q=0.5' },
      });
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || location === null) break;
      await response.body?.cancel();
      let next: URL;
      try {
        next = new URL(location, current);
      } catch {
        throw new SpecError({ file: url }, `redirects to ${JSON.stringify(location)}, which is not a URL`);
      }
      if (!sameSite(start, next)) {
        throw new SpecError(
          { file: url },
          `redirects to ${JSON.stringify(next.href)}, another origin; not followed (give that URL itself if you trust it)`,
        );
      }
      if (hop >= MAX_REDIRECTS) throw new SpecError({ file: url }, `redirects more than ${MAX_REDIRECTS} times`);
      current = next;
    }
  } catch (error) {
    if (error instanceof SpecError) throw error;
    throw new SpecError({ file: url }, fetchFailure(error));
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new SpecError({ file: url }, `could not be fetched: HTTP ${response.status} ${response.statusText}`.trim());
  }
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > MAX_SPEC_BYTES) {
    await response.body?.cancel();
    throw new SpecError({ file: url }, tooBig());
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    const reader = response.body?.getReader();
    for (let read = await reader?.read(); reader && read && !read.done; read = await reader.read()) {
      const chunk = read.value;
      size += chunk.byteLength;
      if (size > MAX_SPEC_BYTES) {
        await reader.cancel();
        throw new SpecError({ file: url }, tooBig());
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof SpecError) throw error;
    throw new SpecError({ file: url }, fetchFailure(error));
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Everything on stdin, within the size limit. */
export async function readStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  if ((stream as NodeJS.ReadStream).isTTY)
    throw new SpecError({ file: '<stdin>' }, 'is a terminal: pipe a spec in (`sdkgen generate - < openapi.yaml`)');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.byteLength;
    if (size > MAX_SPEC_BYTES) throw new SpecError({ file: '<stdin>' }, tooBig());
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The same origin, or the same host and port moved from http to https (an upgrade, not a different server). */
function sameSite(from: URL, to: URL): boolean {
  if (to.origin === from.origin) return true;
  return (
    from.protocol === 'http:' &&
    to.protocol === 'https:' &&
    to.hostname === from.hostname &&
    (from.port === '' || from.port === to.port)
  );
}

function tooBig(): string {
  return `is larger than ${MAX_SPEC_BYTES} bytes (set SDKGEN_MAX_SPEC_BYTES to allow more)`;
}

function fetchFailure(error: unknown): string {
  const name = (error as Error).name;
  if (name === 'TimeoutError' || name === 'AbortError')
    return `could not be fetched within ${FETCH_TIMEOUT_MS} ms (set SDKGEN_FETCH_TIMEOUT_MS to wait longer)`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return `could not be fetched: ${cause?.code ?? cause?.message ?? (error as Error).message}`;
}
