import { APIResource } from '../core/resource.js';
import {
  parseWebhookBody,
  verifyWebhook,
  type WebhookBody,
  type WebhookHeaders,
  type WebhookScheme,
} from './verify.js';

/** Where `unwrap` finds the key when none is passed: `key`, else the client's (its option or environment variable). */
export interface UnwrapWebhookOptions {
  /** The request's headers, as received: a `Headers`, Node's `req.headers`, or a plain object in any case. */
  headers: WebhookHeaders;
  /** The public key (Ed25519, base64 or bytes) or signing secret; defaults to the client's. */
  key?: string | Uint8Array | undefined;
}

/**
 * `client.webhooks`: verifies and parses the events the API sends. Generated SDKs fill in the scheme, the events'
 * union and where the client keeps the key.
 */
export abstract class WebhooksResource<Event> extends APIResource {
  /** How the API signs its webhooks, from the spec or the generator config; `undefined` where neither says. */
  protected abstract readonly scheme: WebhookScheme | undefined;

  /** The key from the client's options or environment. */
  protected abstract clientKey(): string | undefined;

  /**
   * Verifies the signature of a webhook and returns its event, parsed and typed. Synchronous.
   *
   * @param body The raw body exactly as received (a string, `Uint8Array` or `Buffer`), not a parsed object.
   * @throws WebhookVerificationError when a header is missing, the timestamp is outside the tolerance, or no signature
   * matches; the message says which, never the key.
   */
  unwrap(body: WebhookBody, { headers, key }: UnwrapWebhookOptions): Event {
    verifyWebhook(this.scheme, body, headers, key ?? this.clientKey());
    return parseWebhookBody<Event>(body);
  }

  /** Parses a webhook's body without verifying it: only for events whose origin was checked some other way. */
  unsafeUnwrap(body: WebhookBody): Event {
    return parseWebhookBody<Event>(body);
  }

  /** Verifies a webhook's signature without parsing it; throws `WebhookVerificationError` when it does not hold. */
  verify(body: WebhookBody, headers: WebhookHeaders, key?: string | Uint8Array): void {
    verifyWebhook(this.scheme, body, headers, key ?? this.clientKey());
  }
}
