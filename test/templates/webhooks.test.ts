// Webhook verification, with keys and signatures made by node:crypto here, never by the code under test.
import { createHmac, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  parseWebhookBody,
  verifyWebhook,
  type WebhookScheme,
  WebhookVerificationError,
} from '../../templates/src/webhooks/verify.js';

const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const TS = String(Math.floor(NOW / 1000));

function ed25519Keys(): { publicKey: string; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  // The raw 32 bytes are the last 32 of the SPKI DER encoding.
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  return { publicKey: raw.toString('base64'), privateKey };
}

const telnyx: WebhookScheme = {
  type: 'ed25519',
  signatureHeader: 'telnyx-signature-ed25519',
  timestampHeader: 'telnyx-timestamp',
  signedContent: '{timestamp}|{body}',
};

function failure(run: () => void): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookVerificationError);
    return (error as Error).message;
  }
  throw new Error('verification passed');
}

describe('Ed25519 over {timestamp}|{body}', () => {
  const { publicKey, privateKey } = ed25519Keys();
  const body = '{"data":{"event_type":"call.answered","payload":{"to":"+1 ☎ ünïcode"}}}';
  const signature = sign(null, Buffer.from(`${TS}|${body}`), privateKey).toString('base64');
  const headers = { 'telnyx-signature-ed25519': signature, 'telnyx-timestamp': TS };

  test('a valid signature passes for string, Uint8Array and Buffer bodies and every header shape', () => {
    expect(() => verifyWebhook(telnyx, body, headers, publicKey, NOW)).not.toThrow();
    expect(() => verifyWebhook(telnyx, new TextEncoder().encode(body), headers, publicKey, NOW)).not.toThrow();
    expect(() => verifyWebhook(telnyx, Buffer.from(body), headers, publicKey, NOW)).not.toThrow();
    expect(() => verifyWebhook(telnyx, body, new Headers(headers), publicKey, NOW)).not.toThrow();
    const mixedCase = { 'Telnyx-Signature-Ed25519': signature, 'TELNYX-TIMESTAMP': [TS] };
    expect(() => verifyWebhook(telnyx, body, mixedCase, publicKey, NOW)).not.toThrow();
    // The key as bytes.
    expect(() => verifyWebhook(telnyx, body, headers, Buffer.from(publicKey, 'base64'), NOW)).not.toThrow();
  });

  test('tampered body, timestamp or signature, and a wrong key, fail with the check named', () => {
    expect(failure(() => verifyWebhook(telnyx, body.replace('answered', 'hangup'), headers, publicKey, NOW))).toBe(
      'No matching signature found',
    );
    const otherTs = String(Number(TS) + 1);
    expect(
      failure(() => verifyWebhook(telnyx, body, { ...headers, 'telnyx-timestamp': otherTs }, publicKey, NOW)),
    ).toBe('No matching signature found');
    const flipped = Buffer.from(signature, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    expect(
      failure(() =>
        verifyWebhook(
          telnyx,
          body,
          { ...headers, 'telnyx-signature-ed25519': flipped.toString('base64') },
          publicKey,
          NOW,
        ),
      ),
    ).toBe('No matching signature found');
    const other = ed25519Keys().publicKey;
    const message = failure(() => verifyWebhook(telnyx, body, headers, other, NOW));
    expect(message).toBe('No matching signature found');
    expect(message).not.toContain(other);
  });

  test('timestamps outside 300 s either way fail; inside pass', () => {
    expect(failure(() => verifyWebhook(telnyx, body, headers, publicKey, NOW + 301_000))).toBe(
      'Message timestamp too old',
    );
    expect(failure(() => verifyWebhook(telnyx, body, headers, publicKey, NOW - 301_000))).toBe(
      'Message timestamp too new',
    );
    expect(() => verifyWebhook(telnyx, body, headers, publicKey, NOW + 299_000)).not.toThrow();
    expect(() => verifyWebhook({ ...telnyx, tolerance: 10 }, body, headers, publicKey, NOW + 11_000)).toThrow(
      'too old',
    );
  });

  test('missing headers, a malformed timestamp, a bad key and no key are named', () => {
    expect(failure(() => verifyWebhook(telnyx, body, { 'telnyx-timestamp': TS }, publicKey, NOW))).toBe(
      'Missing required header: telnyx-signature-ed25519',
    );
    expect(failure(() => verifyWebhook(telnyx, body, { 'telnyx-signature-ed25519': signature }, publicKey, NOW))).toBe(
      'Missing required header: telnyx-timestamp',
    );
    expect(
      failure(() => verifyWebhook(telnyx, body, { ...headers, 'telnyx-timestamp': '12abc' }, publicKey, NOW)),
    ).toBe('Invalid webhook timestamp');
    expect(failure(() => verifyWebhook(telnyx, body, headers, 'c2hvcnQ=', NOW))).toMatch(/^Invalid public key/);
    expect(failure(() => verifyWebhook(telnyx, body, headers, undefined, NOW))).toMatch(/^No webhook key/);
  });
});

describe('Standard Webhooks', () => {
  const secretBytes = Buffer.from('a test secret of some length!!');
  const secret = `whsec_${secretBytes.toString('base64')}`;
  const body = '{"type":"invoice.paid","data":{"id":"in_1","note":"日本語"}}';
  const id = 'msg_2';
  const sig = (content: string, key = secretBytes) => createHmac('sha256', key).update(content).digest('base64');
  const scheme: WebhookScheme = { type: 'standard' };

  test('one of several signatures matching passes; none matching fails', () => {
    const headers = {
      'webhook-id': id,
      'webhook-timestamp': TS,
      'webhook-signature': `v1,${sig('other')} v1,${sig(`${id}.${TS}.${body}`)}`,
    };
    expect(() => verifyWebhook(scheme, body, headers, secret, NOW)).not.toThrow();
    expect(() => verifyWebhook(scheme, body, headers, secretBytes, NOW)).not.toThrow();
    expect(failure(() => verifyWebhook(scheme, body, { ...headers, 'webhook-id': 'msg_3' }, secret, NOW))).toBe(
      'No matching signature found',
    );
    expect(
      failure(() => verifyWebhook(scheme, body, headers, `whsec_${Buffer.from('wrong').toString('base64')}`, NOW)),
    ).toBe('No matching signature found');
    const v2Only = { ...headers, 'webhook-signature': `v2,${sig(`${id}.${TS}.${body}`)}` };
    expect(failure(() => verifyWebhook(scheme, body, v2Only, secret, NOW))).toBe('No matching signature found');
    expect(failure(() => verifyWebhook(scheme, body, headers, secret, NOW + 400_000))).toBe(
      'Message timestamp too old',
    );
  });
});

describe('HMAC-SHA256 with a configurable header', () => {
  const secret = 'shh-a-shared-secret';
  const body = '{"event":"ping"}';
  const hex = (content: string) => createHmac('sha256', secret).update(content).digest('hex');

  test('Stripe-like `t=..,v1=..` pairs over {timestamp}.{body}', () => {
    const scheme: WebhookScheme = {
      type: 'hmac-sha256',
      signatureHeader: 'x-signature',
      signedContent: '{timestamp}.{body}',
      encoding: 'hex',
      format: 'pairs',
    };
    const headers = { 'X-Signature': `t=${TS},v1=${'0'.repeat(64)},v1=${hex(`${TS}.${body}`)}` };
    expect(() => verifyWebhook(scheme, body, headers, secret, NOW)).not.toThrow();
    expect(failure(() => verifyWebhook(scheme, `${body} `, headers, secret, NOW))).toBe('No matching signature found');
    expect(failure(() => verifyWebhook(scheme, body, headers, secret, NOW - 600_000))).toBe(
      'Message timestamp too new',
    );
  });

  test('pairs whose signatures are base64, `=` padding and all', () => {
    const scheme: WebhookScheme = {
      type: 'hmac-sha256',
      signatureHeader: 'x-signature',
      signedContent: '{timestamp}.{body}',
      encoding: 'base64',
      format: 'pairs',
    };
    const signature = createHmac('sha256', secret).update(`${TS}.${body}`).digest('base64');
    expect(signature.endsWith('=')).toBe(true);
    expect(() => verifyWebhook(scheme, body, { 'x-signature': `t=${TS}, v1=${signature}` }, secret, NOW)).not.toThrow();
  });

  test('a plain header with a prefix, over the body alone, base64 or hex', () => {
    const scheme: WebhookScheme = {
      type: 'hmac-sha256',
      signatureHeader: 'x-hub-signature-256',
      signedContent: '{body}',
      encoding: 'hex',
      prefix: 'sha256=',
    };
    expect(() =>
      verifyWebhook(scheme, body, { 'x-hub-signature-256': `sha256=${hex(body)}` }, secret, NOW),
    ).not.toThrow();
    expect(
      failure(() => verifyWebhook(scheme, body, { 'x-hub-signature-256': `sha256=${hex('x')}` }, secret, NOW)),
    ).toBe('No matching signature found');
    const b64: WebhookScheme = { ...scheme, encoding: 'base64', prefix: undefined };
    const signature = createHmac('sha256', secret).update(body).digest('base64');
    expect(() => verifyWebhook(b64, body, { 'x-hub-signature-256': signature }, secret, NOW)).not.toThrow();
  });
});

test('parseWebhookBody parses strings and bytes, and names a body that is not JSON', () => {
  expect(parseWebhookBody<{ a: string }>('{"a":"é"}')).toEqual({ a: 'é' });
  expect(parseWebhookBody<{ a: string }>(new TextEncoder().encode('{"a":"é"}'))).toEqual({ a: 'é' });
  expect(failure(() => parseWebhookBody('not json'))).toBe('The webhook body is not valid JSON');
});
