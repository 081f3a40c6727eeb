// `sdkgen webhooks trigger [event] --url <url>`: signs the spec's example of each event (or one) as the API would and
// posts it to a developer's own handler. Signing uses node:crypto, not the SDK's verifier, so the two check each other.
import {
  createHmac,
  createPrivateKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  randomUUID,
  sign,
} from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '../core/errors.js';
import { didYouMean } from '../core/suggest.js';
import { loadSpec } from '../load/load-spec.js';
import { exampleValue } from '../model/examples.js';
import { readWebhooks, type WebhookEvent, type WebhookScheme } from '../model/webhooks.js';
import { type ParsedArgs, UsageError } from './args.js';
import { type Io, makePlan } from './generate-command.js';

/** A signing key for the scheme: an Ed25519 private key, or an HMAC secret's bytes (and how to show it). */
type SigningKey = { type: 'ed25519'; privateKey: KeyObject } | { type: 'hmac'; secret: Uint8Array };

export async function runWebhooks(args: ParsedArgs, cwd: string, io: Io, send: typeof fetch = fetch): Promise<number> {
  const [action, eventName] = args.positionals;
  if (action !== 'trigger')
    throw new UsageError(
      action === undefined
        ? 'say what to do: `sdkgen webhooks trigger [event] --url <url>`'
        : `unknown action "${action}"${didYouMean(action, ['trigger'], (match) => `\`${match}\``)}`,
    );
  const url = args.values['url'];
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url))
    throw new UsageError(
      '--url <http(s) url> says where to post the events (your handler, e.g. http://127.0.0.1:3000/webhooks)',
    );
  const plan = await makePlan({ values: args.values, positionals: [] }, cwd);
  const { document } = await loadSpec(plan.spec, plan.specShown, {
    allowRefs: plan.config.allowRefs ?? [],
    repair: { warnings: [] },
  });
  const warnings: string[] = [];
  const webhooks = readWebhooks(document as Record<string, unknown>, plan.config.webhooks, {
    claim: (name) => name,
    casing: {},
    warnings,
  });
  if (!webhooks)
    throw new InputError({ file: plan.specShown }, 'the spec declares no webhooks (webhooks, x-webhooks or callbacks)');
  if (!webhooks.scheme)
    throw new InputError(
      { file: plan.specShown },
      'the spec does not say how its webhooks are signed: set `webhooks.scheme` in the config',
    );
  let events = webhooks.events;
  if (eventName !== undefined) {
    const wanted = eventName.toLowerCase();
    events = events.filter(
      (event) =>
        event.key.toLowerCase() === wanted ||
        event.typeName.toLowerCase() === wanted ||
        event.discriminator?.values.some((value) => value.toLowerCase() === wanted),
    );
    if (events.length === 0) {
      const names = webhooks.events.flatMap((event) => [event.key, ...(event.discriminator?.values ?? [])]);
      throw new UsageError(`no event "${eventName}"${didYouMean(eventName, names, (match) => `"${match}"`)}`);
    }
  }
  const key = await signingKey(
    webhooks.scheme,
    typeof args.values['key'] === 'string' ? args.values['key'] : undefined,
    cwd,
    io,
  );
  let failed = 0;
  for (const event of events) {
    const body = JSON.stringify(event.example ?? (event.schema ? exampleValue(document, event.schema, 'all') : {}));
    const headers = signedHeaders(webhooks.scheme, key, body);
    let status: string;
    try {
      const response = await send(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(10_000),
      });
      await response.body?.cancel();
      status = `${response.status}`;
      if (response.status < 200 || response.status > 299) failed++;
    } catch (error) {
      failed++;
      status = `failed (${error instanceof Error ? error.message : String(error)})`;
    }
    io.stdout.write(`${eventLabel(event)} -> ${status}\n`);
  }
  return failed > 0 ? 1 : 0;
}

function eventLabel(event: WebhookEvent): string {
  return event.discriminator ? `${event.key} (${event.discriminator.values[0]})` : event.key;
}

/**
 * The key to sign with: read from `--key` (a PEM/DER private key for Ed25519; the secret's text for HMAC, `whsec_...`
 * for Standard Webhooks), else made for this run, with what the handler needs to verify printed once on stderr.
 */
async function signingKey(scheme: WebhookScheme, file: string | undefined, cwd: string, io: Io): Promise<SigningKey> {
  const text = file !== undefined ? (await readFile(resolve(cwd, file), 'utf8')).trim() : undefined;
  if (scheme.type === 'ed25519') {
    if (text !== undefined) {
      try {
        return { type: 'ed25519', privateKey: createPrivateKey(text) };
      } catch {
        throw new InputError({ file: file! }, 'not an Ed25519 private key in PEM (PKCS #8)');
      }
    }
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    io.stderr.write(
      `Signing with a key made for this run. Public key (set it as the client's publicKey): ${publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64')}\n`,
    );
    return { type: 'ed25519', privateKey };
  }
  if (text !== undefined) {
    const secret =
      scheme.type === 'standard' ? Buffer.from(text.replace(/^whsec_/, ''), 'base64') : Buffer.from(text, 'utf8');
    return { type: 'hmac', secret };
  }
  const secret = randomBytes(24);
  const shown = scheme.type === 'standard' ? `whsec_${secret.toString('base64')}` : secret.toString('hex');
  io.stderr.write(`Signing with a secret made for this run (set it as the client's webhookSecret): ${shown}\n`);
  return { type: 'hmac', secret: scheme.type === 'standard' ? secret : Buffer.from(shown, 'utf8') };
}

/** The headers the API would send with `body`, signed now. */
function signedHeaders(scheme: WebhookScheme, key: SigningKey, body: string): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const id = `msg_${randomUUID()}`;
  const content = (template: string) =>
    template.replaceAll('{id}', id).replaceAll('{timestamp}', timestamp).replaceAll('{body}', body);
  if (scheme.type === 'ed25519' && key.type === 'ed25519') {
    return {
      [scheme.timestampHeader]: timestamp,
      [scheme.signatureHeader]: sign(null, Buffer.from(content(scheme.signedContent)), key.privateKey).toString(
        'base64',
      ),
    };
  }
  if (key.type !== 'hmac') throw new Error('unreachable: an HMAC scheme with an Ed25519 key');
  if (scheme.type === 'standard') {
    const signature = createHmac('sha256', key.secret).update(`${id}.${timestamp}.${body}`).digest('base64');
    return {
      [scheme.idHeader ?? 'webhook-id']: id,
      [scheme.timestampHeader ?? 'webhook-timestamp']: timestamp,
      [scheme.signatureHeader ?? 'webhook-signature']: `v1,${signature}`,
    };
  }
  if (scheme.type !== 'hmac-sha256') throw new Error('unreachable');
  const digest = createHmac('sha256', key.secret).update(content(scheme.signedContent)).digest(scheme.encoding);
  const signature = `${scheme.prefix ?? ''}${digest}`;
  return {
    [scheme.signatureHeader]: scheme.format === 'pairs' ? `t=${timestamp},v1=${signature}` : signature,
    ...(scheme.timestampHeader !== undefined && { [scheme.timestampHeader]: timestamp }),
    ...(scheme.idHeader !== undefined && { [scheme.idHeader]: id }),
  };
}
