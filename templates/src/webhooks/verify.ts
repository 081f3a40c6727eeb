// Webhook signature verification, synchronous on every runtime (Node, Bun, Deno, browsers, edge). Copied into an SDK
// only when its spec declares webhooks. The crypto is @noble's (audited, pure JavaScript): the platforms' synchronous
// APIs differ (node:crypto is missing on edge runtimes and in browsers, and WebCrypto is asynchronous only).
import { ed25519 } from '@noble/curves/ed25519';
import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha2';
import { SDKError } from '../core/error.js';

/** How an API signs the webhooks it sends. `signedContent` templates take `{id}`, `{timestamp}` and `{body}`. */
export type WebhookScheme =
  | {
      /** An Ed25519 signature (base64) of `signedContent`, checked with the account's public key. */
      type: 'ed25519';
      signatureHeader: string;
      timestampHeader: string;
      signedContent: string;
      /** How far the timestamp may be from now, in seconds, either way (default 300). */
      tolerance?: number;
    }
  | {
      /** Standard Webhooks: HMAC-SHA256 of `{id}.{timestamp}.{body}` with a `whsec_` secret; `v1,<base64>` signatures. */
      type: 'standard';
      idHeader?: string;
      timestampHeader?: string;
      signatureHeader?: string;
      tolerance?: number;
    }
  | {
      /** HMAC-SHA256 of `signedContent` with a shared secret, in one header (`t=<timestamp>,v1=<sig>` where `format: 'pairs'`). */
      type: 'hmac-sha256';
      signatureHeader: string;
      timestampHeader?: string;
      idHeader?: string;
      signedContent: string;
      encoding: 'hex' | 'base64';
      /** `plain`: the header is the signature; `pairs`: `t=...,v1=...,v1=...` (the timestamp and every signature). */
      format?: 'plain' | 'pairs';
      /** A prefix on each signature to strip (`sha256=`). */
      prefix?: string;
      tolerance?: number;
    };

/** The headers of a webhook request: a `Headers`, Node's `IncomingHttpHeaders`, or a plain object in any case. */
export type WebhookHeaders = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

/** The raw body exactly as received: verifying a re-serialized object would fail. */
export type WebhookBody = string | Uint8Array;

/** A webhook failed verification; the message says which check, never the key. */
export class WebhookVerificationError extends SDKError {}

const DEFAULT_TOLERANCE_SECONDS = 300;
const encoder = new TextEncoder();

/**
 * Checks `body` against the signature in `headers` with `key`; throws {@link WebhookVerificationError} naming the
 * check that failed. `now` is in milliseconds (an injected clock, for tests).
 */
export function verifyWebhook(
  scheme: WebhookScheme | undefined,
  body: WebhookBody,
  headers: WebhookHeaders,
  key: string | Uint8Array | undefined,
  now: number = Date.now(),
): void {
  if (scheme === undefined) {
    throw new WebhookVerificationError(
      "The API's spec does not say how its webhooks are signed: set `webhooks.scheme` in the generator config.",
    );
  }
  if (key === undefined || key === '' || (key instanceof Uint8Array && key.length === 0)) {
    throw new WebhookVerificationError('No webhook key was given: pass `key`, or set it on the client.');
  }
  const get = headerReader(headers);
  const bodyBytes = typeof body === 'string' ? encoder.encode(body) : body;
  const tolerance = scheme.tolerance ?? DEFAULT_TOLERANCE_SECONDS;
  switch (scheme.type) {
    case 'ed25519': {
      const signature = required(get, scheme.signatureHeader);
      const timestamp = required(get, scheme.timestampHeader);
      checkTimestamp(timestamp, now, tolerance);
      const publicKey = ed25519PublicKey(key);
      const signatures = signature
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((value) => decodeBase64(value));
      const content = signedBytes(scheme.signedContent, { timestamp }, bodyBytes);
      const ok = signatures.some(
        (sig) => sig !== undefined && sig.length === 64 && verifyEd25519(sig, content, publicKey),
      );
      if (!ok) throw new WebhookVerificationError('No matching signature found');
      return;
    }
    case 'standard': {
      const id = required(get, scheme.idHeader ?? 'webhook-id');
      const timestamp = required(get, scheme.timestampHeader ?? 'webhook-timestamp');
      const header = required(get, scheme.signatureHeader ?? 'webhook-signature');
      checkTimestamp(timestamp, now, tolerance);
      const secret = typeof key === 'string' ? decodeBase64(key.startsWith('whsec_') ? key.slice(6) : key) : key;
      if (secret === undefined || secret.length === 0)
        throw new WebhookVerificationError('Invalid webhook secret: expected base64 (`whsec_...`).');
      const expected = hmac(sha256, secret, signedBytes('{id}.{timestamp}.{body}', { id, timestamp }, bodyBytes));
      const candidates = header
        .split(' ')
        .map((part) => part.split(','))
        .filter(([version, value]) => version === 'v1' && value !== undefined)
        .map(([, value]) => decodeBase64(value!));
      if (!candidates.some((candidate) => candidate !== undefined && constantTimeEqual(candidate, expected))) {
        throw new WebhookVerificationError('No matching signature found');
      }
      return;
    }
    case 'hmac-sha256': {
      const header = required(get, scheme.signatureHeader);
      let timestamp = scheme.timestampHeader !== undefined ? required(get, scheme.timestampHeader) : undefined;
      let signatures: string[];
      if (scheme.format === 'pairs') {
        // Split at the first `=` only: a base64 signature ends in `=` padding.
        const pairs = header.split(',').map((pair): [string, string | undefined] => {
          const at = pair.indexOf('=');
          return at < 0 ? [pair.trim(), undefined] : [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
        });
        timestamp ??= pairs.find(([name]) => name === 't')?.[1];
        signatures = pairs.filter(([name, value]) => name === 'v1' && value !== undefined).map(([, value]) => value!);
      } else {
        signatures = [header.trim()];
      }
      if (scheme.signedContent.includes('{timestamp}')) {
        if (timestamp === undefined) throw new WebhookVerificationError('Missing webhook timestamp');
        checkTimestamp(timestamp, now, tolerance);
      }
      const id = scheme.idHeader !== undefined ? required(get, scheme.idHeader) : undefined;
      const secret = typeof key === 'string' ? encoder.encode(key) : key;
      const expected = hmac(sha256, secret, signedBytes(scheme.signedContent, { id, timestamp }, bodyBytes));
      const ok = signatures.some((value) => {
        const stripped =
          scheme.prefix !== undefined && value.startsWith(scheme.prefix) ? value.slice(scheme.prefix.length) : value;
        const candidate = scheme.encoding === 'hex' ? decodeHex(stripped) : decodeBase64(stripped);
        return candidate !== undefined && constantTimeEqual(candidate, expected);
      });
      if (!ok) throw new WebhookVerificationError('No matching signature found');
      return;
    }
  }
}

/** Parses a webhook's body (string or bytes) as JSON; a body that is not JSON is a {@link WebhookVerificationError}. */
export function parseWebhookBody<T>(body: WebhookBody): T {
  const text = typeof body === 'string' ? body : new TextDecoder().decode(body);
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new WebhookVerificationError('The webhook body is not valid JSON');
  }
}

/** Reads a header by name in any case, from any of the shapes {@link WebhookHeaders} takes; several values join with `, `. */
function headerReader(headers: WebhookHeaders): (name: string) => string | undefined {
  if (typeof (headers as Headers).get === 'function' && typeof (headers as Headers).forEach === 'function') {
    return (name) => (headers as Headers).get(name) ?? undefined;
  }
  const byName = new Map<string, string>();
  for (const [name, value] of Object.entries(headers as Record<string, string | readonly string[] | undefined>)) {
    if (value === undefined) continue;
    const text = typeof value === 'string' ? value : value.join(', ');
    const lower = name.toLowerCase();
    const previous = byName.get(lower);
    byName.set(lower, previous === undefined ? text : `${previous}, ${text}`);
  }
  return (name) => byName.get(name.toLowerCase());
}

function required(get: (name: string) => string | undefined, name: string): string {
  const value = get(name);
  if (value === undefined || value.trim() === '')
    throw new WebhookVerificationError(`Missing required header: ${name}`);
  return value.trim();
}

function checkTimestamp(value: string, now: number, tolerance: number): void {
  if (!/^\d{1,15}$/.test(value)) throw new WebhookVerificationError('Invalid webhook timestamp');
  const seconds = Number(value);
  const current = Math.floor(now / 1000);
  if (current - seconds > tolerance) throw new WebhookVerificationError('Message timestamp too old');
  if (seconds - current > tolerance) throw new WebhookVerificationError('Message timestamp too new');
}

/** The signed bytes: the template's text around `{body}` as UTF-8, and the body's own bytes unchanged. */
function signedBytes(
  template: string,
  values: { id?: string | undefined; timestamp?: string | undefined },
  body: Uint8Array,
): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const piece of template.split(/(\{id\}|\{timestamp\}|\{body\})/)) {
    if (piece === '{body}') parts.push(body);
    else if (piece === '{id}') parts.push(encoder.encode(values.id ?? ''));
    else if (piece === '{timestamp}') parts.push(encoder.encode(values.timestamp ?? ''));
    else if (piece !== '') parts.push(encoder.encode(piece));
  }
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function ed25519PublicKey(key: string | Uint8Array): Uint8Array {
  const bytes = typeof key === 'string' ? decodeBase64(key.trim()) : key;
  if (bytes === undefined || bytes.length !== 32) {
    throw new WebhookVerificationError('Invalid public key: expected 32 bytes, as base64 or a Uint8Array.');
  }
  return bytes;
}

function verifyEd25519(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  try {
    // zip215: false is RFC 8032's strict verification (no malleable signatures).
    return ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}

/** Compares in time that depends only on the lengths, so a signature cannot be guessed byte by byte. */
function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let index = 0; index < a.length; index++) diff |= a[index]! ^ b[index]!;
  return diff === 0;
}

function decodeBase64(text: string): Uint8Array | undefined {
  const normalized = text.replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(normalized)) return undefined;
  try {
    const binary = atob(normalized.padEnd(Math.ceil(normalized.length / 4) * 4, '='));
    const bytes = new Uint8Array(binary.length);
    for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
    return bytes;
  } catch {
    return undefined;
  }
}

function decodeHex(text: string): Uint8Array | undefined {
  if (text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text)) return undefined;
  const bytes = new Uint8Array(text.length / 2);
  for (let index = 0; index < bytes.length; index++)
    bytes[index] = Number.parseInt(text.slice(index * 2, index * 2 + 2), 16);
  return bytes;
}
