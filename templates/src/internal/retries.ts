// When and how long to wait before retrying a request. Pure functions: the request loop supplies the clock and dice.

/** The longest server-requested wait that is honoured; longer ones fall back to the SDK's own backoff. */
export const MAX_RETRY_AFTER_MS = 60_000;
const INITIAL_RETRY_DELAY_S = 0.5;
const MAX_RETRY_DELAY_S = 8;

/** Whether a response should be retried: the server's `x-should-retry` first, then the status. */
export function shouldRetryResponse(response: Response): boolean {
  const hint = response.headers.get('x-should-retry');
  if (hint === 'true') return true;
  if (hint === 'false') return false;
  const status = response.status;
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * Milliseconds to wait before retry number `retry` (0-based). `retry-after-ms` and `retry-after` (seconds or an HTTP
 * date) are honoured when between 0 and 60 s; otherwise `min(0.5 * 2^retry, 8)` seconds, less up to 25% jitter.
 */
export function retryDelayMs(
  retry: number,
  headers: Headers | undefined,
  random: () => number = Math.random,
  now: () => number = Date.now,
): number {
  const requested = serverRequestedDelayMs(headers, now);
  if (requested !== undefined && requested >= 0 && requested <= MAX_RETRY_AFTER_MS) return requested;
  const base = Math.min(INITIAL_RETRY_DELAY_S * 2 ** retry, MAX_RETRY_DELAY_S);
  const jitter = 1 - random() * 0.25;
  return base * jitter * 1000;
}

function serverRequestedDelayMs(headers: Headers | undefined, now: () => number): number | undefined {
  if (!headers) return undefined;
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '' && Number.isFinite(Number(ms))) return Number(ms);
  const after = headers.get('retry-after');
  if (after === null || after.trim() === '') return undefined;
  if (Number.isFinite(Number(after))) return Number(after) * 1000;
  const date = Date.parse(after);
  return Number.isNaN(date) ? undefined : date - now();
}

/** Resolves after `ms`, or rejects with `signal`'s reason when it aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
