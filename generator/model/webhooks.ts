// Webhook events from OAS 3.1 `webhooks`, 3.0 `x-webhooks` and operations' `callbacks`, and how they are signed.
import type { WebhooksConfig } from '../load/load-config.js';
import { typeName } from './naming.js';
import { componentRefName, derefSchema } from './schemas.js';
import type { Schema, WebhookEvent, WebhookScheme, WebhooksModel } from './types.js';

export type { WebhookEvent, WebhookScheme, WebhooksModel };

type Document = Record<string, unknown>;
type Operation = Record<string, unknown>;

const METHODS = ['post', 'put', 'patch', 'get', 'delete'];

/** How the webhook events are named, and where what is wrong with them is said. */
export interface WebhookNaming {
  /** Reserves a unique exported type name. */
  claim: (name: string) => string;
  /** The config's word spellings. */
  casing: Record<string, string>;
  warnings: string[];
}

/** The webhook model, or undefined when the spec declares no events. */
export function readWebhooks(
  document: Document,
  config: WebhooksConfig | undefined,
  { claim, casing, warnings }: WebhookNaming,
): WebhooksModel | undefined {
  if (config?.enabled === false) return undefined;
  const declared: Array<{
    key: string;
    name: string;
    operation: Operation;
    method: string;
    source: 'webhooks' | 'x-webhooks' | 'callback';
  }> = [];
  for (const source of ['webhooks', 'x-webhooks'] as const) {
    const block = record(document[source]);
    for (const key of Object.keys(block ?? {}).sort()) {
      const item = record(block![key]);
      const method = METHODS.find((name) => record(item?.[name]) !== undefined);
      if (method) declared.push({ key, name: key, operation: record(item![method])!, method, source });
    }
  }
  for (const [path, item] of Object.entries(record(document['paths']) ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (const method of METHODS) {
      const operation = record(record(item)?.[method]);
      for (const [callbackName, callback] of Object.entries(record(operation?.['callbacks']) ?? {})) {
        for (const expression of Object.values(derefSchema(document, callback))) {
          const callbackItem = record(expression);
          const callbackMethod = METHODS.find((name) => record(callbackItem?.[name]) !== undefined);
          if (!callbackMethod) continue;
          const key = `${String(operation?.['operationId'] ?? `${method} ${path}`)} ${callbackName}`;
          declared.push({
            key,
            name: callbackName,
            operation: record(callbackItem![callbackMethod])!,
            method: callbackMethod,
            source: 'callback',
          });
        }
      }
    }
  }
  if (declared.length === 0) return undefined;

  const events: WebhookEvent[] = [];
  const seen = new Set<string>();
  for (const { key, name, operation, method, source } of declared) {
    if (seen.has(key)) continue;
    seen.add(key);
    const content = record(derefSchema(document, operation['requestBody'])['content']) ?? {};
    const mediaType = Object.keys(content).find((type) => /json/i.test(type)) ?? Object.keys(content)[0];
    const rawSchema = mediaType !== undefined ? record(record(content[mediaType])?.['schema']) : undefined;
    const ref = componentRefName(rawSchema);
    const payload: WebhookEvent['payload'] =
      ref !== undefined
        ? { ref }
        : rawSchema !== undefined && source === 'webhooks' && mediaType !== undefined
          ? { webhook: key, method, mediaType }
          : { unknown: true };
    if ('unknown' in payload && rawSchema !== undefined)
      warnings.push(
        `webhook ${key}: its inline payload schema is typed as unknown (give it a $ref to a component schema)`,
      );
    const schema = rawSchema !== undefined ? derefSchema(document, rawSchema) : undefined;
    const summary = text(operation['summary']);
    const description = text(operation['description']);
    events.push({
      key,
      typeName: claim(`${typeName(name, casing)}WebhookEvent`),
      ...(summary !== undefined && { summary }),
      ...(description !== undefined && { description }),
      deprecated: operation['deprecated'] === true,
      payload,
      ...(schema !== undefined && { schema }),
      ...(example(document, content, mediaType, schema) !== undefined && {
        example: example(document, content, mediaType, schema),
      }),
    });
  }
  // A discriminator is the path most events declare values for (`const` or `enum`), no value shared by two events:
  // each event's union member then narrows by it (`data.event_type: 'call.answered'`).
  const candidates = events.map((event) =>
    event.schema ? declaredValues(document, event.schema, [], 0) : new Map<string, string[]>(),
  );
  let best: { path: string; count: number } | undefined;
  for (const path of [...new Set(candidates.flatMap((found) => [...found.keys()]))].sort()) {
    const sets = candidates
      .map((found) => found.get(path))
      .filter((values): values is string[] => values !== undefined);
    const all = sets.flat();
    const depth = path.split('\0').length;
    const better =
      !best || sets.length > best.count || (sets.length === best.count && depth < best.path.split('\0').length);
    if (new Set(all).size === all.length && sets.length * 2 >= events.length && better)
      best = { path, count: sets.length };
  }
  if (best && events.length > 1) {
    for (const [index, event] of events.entries()) {
      const values = candidates[index]!.get(best.path);
      if (values) event.discriminator = { path: best.path.split('\0'), values };
    }
  }
  const scheme = config?.scheme
    ? schemeFromConfig(config)
    : inferScheme(
        declared.map((item) => item.operation),
        document,
      );
  if (!scheme)
    warnings.push(
      'webhooks: the spec does not say how they are signed; `unwrap` needs a `webhooks.scheme` in the config to verify them',
    );
  const keyOption = scheme?.type === 'ed25519' ? 'publicKey' : 'webhookSecret';
  return { events, ...(scheme && { scheme }), keyOption };
}

/** The scheme the config states, with the spec's usual header names filled in. */
function schemeFromConfig(config: WebhooksConfig): WebhookScheme {
  const tolerance = config.tolerance !== undefined ? { tolerance: config.tolerance } : {};
  switch (config.scheme) {
    case 'ed25519':
      return {
        type: 'ed25519',
        signatureHeader: config.signatureHeader ?? 'webhook-signature',
        timestampHeader: config.timestampHeader ?? 'webhook-timestamp',
        signedContent: config.signedContent ?? '{timestamp}|{body}',
        ...tolerance,
      };
    case 'standard':
      return {
        type: 'standard',
        ...(config.idHeader !== undefined && { idHeader: config.idHeader }),
        ...(config.timestampHeader !== undefined && { timestampHeader: config.timestampHeader }),
        ...(config.signatureHeader !== undefined && { signatureHeader: config.signatureHeader }),
        ...tolerance,
      };
    default:
      return {
        type: 'hmac-sha256',
        signatureHeader: config.signatureHeader ?? 'x-signature',
        ...(config.timestampHeader !== undefined && { timestampHeader: config.timestampHeader }),
        ...(config.idHeader !== undefined && { idHeader: config.idHeader }),
        signedContent: config.signedContent ?? '{body}',
        encoding: config.encoding ?? 'hex',
        ...(config.format !== undefined && { format: config.format }),
        ...(config.prefix !== undefined && { prefix: config.prefix }),
        ...tolerance,
      };
  }
}

/**
 * The scheme the spec's header params say, where every event agrees: an `…ed25519…` signature header beside a
 * timestamp header is Ed25519 over `{timestamp}|{body}`; `webhook-id`/`webhook-timestamp`/`webhook-signature` (or
 * params whose `x-webhook-equivalent` names them, with an HMAC signature) is Standard Webhooks.
 */
function inferScheme(operations: Operation[], document: Document): WebhookScheme | undefined {
  const found = operations.map((operation) => {
    const headers = (Array.isArray(operation['parameters']) ? operation['parameters'] : [])
      .map((param) => derefSchema(document, param))
      .filter((param) => param['in'] === 'header' && typeof param['name'] === 'string');
    const named = (pattern: RegExp) => headers.find((param) => pattern.test(param['name'] as string));
    const equivalent = (name: string) => headers.find((param) => param['x-webhook-equivalent'] === name);
    const signature = named(/signature/i) ?? equivalent('webhook-signature');
    const timestamp = named(/timestamp/i) ?? equivalent('webhook-timestamp');
    if (!signature) return undefined;
    const signatureName = (signature['name'] as string).toLowerCase();
    const said = `${signatureName} ${text(signature['description']) ?? ''} ${text(record(signature['schema'])?.['description']) ?? ''}`;
    if (/ed25519/i.test(said) && timestamp) {
      return JSON.stringify({
        type: 'ed25519',
        signatureHeader: signatureName,
        timestampHeader: (timestamp['name'] as string).toLowerCase(),
        signedContent: '{timestamp}|{body}',
      });
    }
    const id = named(/^webhook-id$/i) ?? equivalent('webhook-id');
    if (signatureName === 'webhook-signature' && id && timestamp) return JSON.stringify({ type: 'standard' });
    return undefined;
  });
  const first = found[0];
  return first !== undefined && found.every((item) => item === first)
    ? (JSON.parse(first) as WebhookScheme)
    : undefined;
}

/** Paths (joined by NUL) to string properties that declare their values (`const`, or an `enum` of a few), 3 deep. */
function declaredValues(document: Document, schema: Schema, path: string[], depth: number): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const resolved = derefSchema(document, schema);
  if (depth > 3) return found;
  for (const part of Array.isArray(resolved['allOf']) ? resolved['allOf'] : []) {
    for (const [key, value] of declaredValues(document, part as Schema, path, depth + 1)) found.set(key, value);
  }
  for (const [name, property] of Object.entries(record(resolved['properties']) ?? {})) {
    const prop = derefSchema(document, property);
    const values = prop['const'] !== undefined ? [prop['const']] : Array.isArray(prop['enum']) ? prop['enum'] : [];
    if (values.length > 0 && values.length <= 32 && values.every((value) => typeof value === 'string'))
      found.set([...path, name].join('\0'), values as string[]);
    else for (const [key, value] of declaredValues(document, prop, [...path, name], depth + 1)) found.set(key, value);
  }
  return found;
}

function example(
  document: Document,
  content: Record<string, unknown>,
  mediaType: string | undefined,
  schema: Schema | undefined,
): unknown {
  const media = mediaType !== undefined ? record(content[mediaType]) : undefined;
  if (media?.['example'] !== undefined) return media['example'];
  const examples = record(media?.['examples']);
  const first = examples ? derefSchema(document, Object.values(examples)[0]) : undefined;
  if (first?.['value'] !== undefined) return first['value'];
  if (schema?.['example'] !== undefined) return schema['example'];
  // A payload that wraps one object (`{ data: {...} }`) whose schema carries the example.
  const properties = record(schema?.['properties']);
  if (properties && Object.keys(properties).length === 1) {
    const [name, property] = Object.entries(properties)[0]!;
    const inner = derefSchema(document, property);
    if (inner?.['example'] !== undefined) return { [name]: inner['example'] };
  }
  return undefined;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
