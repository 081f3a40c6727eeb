// Webhooks end to end (issue #23): events from OAS 3.1 `webhooks` and `callbacks` become typed events and a
// `client.webhooks` that verifies them; signatures are made here with node:crypto, never by the SDK.

import { execFile } from 'node:child_process';
import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { markdownCode } from '../../generator/core/escape.js';
import { type GenerateResult, generate } from '../../generator/generate.js';
import { writeOutput } from '../../generator/write/write-output.js';
import { missingShared, SHARED, sharedTitle } from '../support/shared.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = join(root, 'test', '.webhooks-sdk');
const input = join(root, 'test', '.webhooks-input');

const signed = [
  { name: 'acme-timestamp', in: 'header', required: true, schema: { type: 'integer' } },
  {
    name: 'acme-signature-ed25519',
    in: 'header',
    required: true,
    description: 'Base64 Ed25519 signature',
    schema: { type: 'string' },
  },
];
const event = (type: string, payload: object) => ({
  type: 'object',
  properties: {
    data: {
      type: 'object',
      required: ['event_type'],
      properties: {
        event_type: { type: 'string', enum: [type] },
        record_type: { type: 'string', enum: ['event'] },
        payload,
      },
    },
  },
  example: { data: { event_type: type, record_type: 'event', payload: {} } },
});
const hook = (summary: string, schema: object) => ({
  post: {
    summary,
    parameters: signed,
    requestBody: { required: true, content: { 'application/json': { schema } } },
    responses: { '200': { description: 'ok' } },
  },
});
const spec = {
  openapi: '3.1.0',
  info: { title: 'Acme', version: '1' },
  servers: [{ url: 'https://api.acme.test' }],
  paths: {
    '/calls': {
      post: {
        operationId: 'DialCall',
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'string' } } } } },
          },
        },
        callbacks: {
          callStatus: {
            '{$request.body#/webhook_url}': hook('Call status', { $ref: '#/components/schemas/CallStatusEvent' }),
          },
        },
      },
    },
  },
  webhooks: {
    callAnswered: hook('Call Answered', { $ref: '#/components/schemas/CallAnsweredEvent' }),
    'fax.delivered': hook(
      'Fax Delivered',
      event('fax.delivered', { type: 'object', properties: { pages: { type: 'integer' } } }),
    ),
  },
  components: {
    schemas: {
      CallAnsweredEvent: event('call.answered', { type: 'object', properties: { to: { type: 'string' } } }),
      CallStatusEvent: event('call.status', {
        type: 'object',
        properties: { state: { type: 'string', enum: ['ringing', 'done'] } },
      }),
    },
  },
};

let result: GenerateResult;
let Client: new (
  options: Record<string, unknown>,
) => {
  webhooks: {
    unwrap(
      body: string | Uint8Array,
      options: { headers: Record<string, string> | Headers; key?: string },
    ): { data?: { event_type: string } };
    unsafeUnwrap(body: string): unknown;
    verify(body: string, headers: Record<string, string>, key?: string): void;
  };
};
let WebhookVerificationError: new () => Error;

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const publicKeyBase64 = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64');
function signedHeaders(body: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  return {
    'acme-timestamp': String(timestamp),
    'acme-signature-ed25519': sign(null, Buffer.from(`${timestamp}|${body}`), privateKey).toString('base64'),
  };
}
const file = (path: string): string => result.files.find((candidate) => candidate.path === path)!.text;

beforeAll(async () => {
  await mkdir(input, { recursive: true });
  await writeFile(join(input, 'spec.json'), JSON.stringify(spec));
  result = await generate({ spec: join(input, 'spec.json'), cwd: root });
  await writeOutput(out, result.files, { force: true });
  const sdk = (await import(join(out, 'src/index.ts'))) as {
    default: typeof Client;
    WebhookVerificationError: typeof WebhookVerificationError;
  };
  Client = sdk.default;
  WebhookVerificationError = sdk.WebhookVerificationError;
}, 60_000);
afterAll(async () => {
  await rm(out, { recursive: true, force: true });
  await rm(input, { recursive: true, force: true });
});

describe('the model', () => {
  test('has one event per webhook and callback, named as the official SDKs name them, discriminated by data.event_type', () => {
    const webhooks = result.model.webhooks!;
    expect(
      webhooks.events.map((item) => [
        item.key,
        item.typeName,
        item.discriminator?.path.join('.'),
        item.discriminator?.values,
      ]),
    ).toEqual([
      ['callAnswered', 'CallAnsweredWebhookEvent', 'data.event_type', ['call.answered']],
      ['fax.delivered', 'FaxDeliveredWebhookEvent', 'data.event_type', ['fax.delivered']],
      ['DialCall callStatus', 'CallStatusWebhookEvent', 'data.event_type', ['call.status']],
    ]);
    expect(webhooks.scheme).toEqual({
      type: 'ed25519',
      signatureHeader: 'acme-signature-ed25519',
      timestampHeader: 'acme-timestamp',
      signedContent: '{timestamp}|{body}',
    });
    expect(webhooks.keyOption).toBe('publicKey');
  });

  test('the package depends on the audited crypto only because it has webhooks', () => {
    const manifest = JSON.parse(file('package.json')) as { dependencies: Record<string, string> };
    expect(Object.keys(manifest.dependencies).sort()).toEqual(['@noble/curves', '@noble/hashes', 'openapi-fetch']);
    expect(result.files.some((item) => item.path === 'src/webhooks/verify.ts')).toBe(true);
  });
});

describe('client.webhooks', () => {
  const body = JSON.stringify({
    data: { event_type: 'call.answered', record_type: 'event', payload: { to: '+1 ünï ☎' } },
  });

  test('unwrap verifies with the key given, the client option or the environment variable, and returns the event', () => {
    const headers = signedHeaders(body);
    expect(new Client({ apiKey: 'k' }).webhooks.unwrap(body, { headers, key: publicKeyBase64 })).toEqual(
      JSON.parse(body),
    );
    expect(
      new Client({ apiKey: 'k', publicKey: publicKeyBase64 }).webhooks.unwrap(Buffer.from(body), {
        headers: new Headers(headers),
      }).data?.event_type,
    ).toBe('call.answered');
    process.env['ACME_PUBLIC_KEY'] = publicKeyBase64;
    try {
      expect(new Client({ apiKey: 'k' }).webhooks.unwrap(body, { headers }).data?.event_type).toBe('call.answered');
    } finally {
      delete process.env['ACME_PUBLIC_KEY'];
    }
  });

  test('a tampered body, an old timestamp or another key throw WebhookVerificationError, which never shows the key', () => {
    const client = new Client({ apiKey: 'k', publicKey: publicKeyBase64 });
    const headers = signedHeaders(body);
    const attempts = [
      () => client.webhooks.unwrap(body.replace('answered', 'hangup'), { headers }),
      () => client.webhooks.unwrap(body, { headers: signedHeaders(body, Math.floor(Date.now() / 1000) - 3600) }),
      () =>
        client.webhooks.verify(
          body,
          headers,
          generateKeyPairSync('ed25519')
            .publicKey.export({ format: 'der', type: 'spki' })
            .subarray(-32)
            .toString('base64'),
        ),
      () => new Client({ apiKey: 'k' }).webhooks.unwrap(body, { headers }),
    ];
    const messages = attempts.map((attempt) => {
      try {
        attempt();
      } catch (error) {
        expect(error).toBeInstanceOf(WebhookVerificationError);
        expect((Client as unknown as { WebhookVerificationError: unknown }).WebhookVerificationError).toBe(
          WebhookVerificationError,
        );
        return (error as Error).message;
      }
      return 'passed';
    });
    expect(messages.slice(0, 3)).toEqual([
      'No matching signature found',
      'Message timestamp too old',
      'No matching signature found',
    ]);
    expect(messages[3]).toMatch(/^No webhook key/);
    for (const message of messages) expect(message).not.toContain(publicKeyBase64);
  });

  test('unsafeUnwrap parses without verifying', () => {
    expect(new Client({ apiKey: 'k' }).webhooks.unsafeUnwrap(body)).toEqual(JSON.parse(body));
  });

  test('every event example in the spec unwraps once signed', () => {
    const client = new Client({ apiKey: 'k', publicKey: publicKeyBase64 });
    for (const item of result.model.webhooks!.events) {
      const text = JSON.stringify(item.example);
      expect(client.webhooks.unwrap(text, { headers: signedHeaders(text) })).toEqual(item.example);
    }
  });
});

test('the SDK type-checks, and the event union narrows by data.event_type', async () => {
  await writeFile(
    join(out, 'tests', 'narrowing.test.ts'),
    [
      "import Acme, { type UnwrapWebhookEvent } from '../src/index.js';",
      'declare const client: Acme;',
      "const event: UnwrapWebhookEvent = client.webhooks.unwrap('{}', { headers: {} });",
      "if (event.data?.event_type === 'call.answered') { const to: string | undefined = event.data.payload?.to; void to; }",
      "if (event.data?.event_type === 'call.status') { const state: 'ringing' | 'done' | undefined = event.data.payload?.state; void state; }",
      "// @ts-expect-error a fax's payload has no `to`: the union narrowed to the fax event",
      "if (event.data?.event_type === 'fax.delivered') { void event.data.payload?.to; }",
      '',
    ].join('\n'),
  );
  // The README's Webhooks blocks compile too (the package imported from its sources).
  const readme = file('README.md');
  const section = readme.slice(
    readme.indexOf('## Webhooks'),
    readme.indexOf('\n## ', readme.indexOf('## Webhooks') + 1),
  );
  const blocks = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) =>
    match[1]!.replaceAll("from 'acme'", "from '../src/index.js'"),
  );
  expect(blocks).toHaveLength(2);
  expect(blocks[0]).toContain("if (event.data?.event_type === 'call.answered') {");
  for (const [index, block] of blocks.entries())
    await writeFile(join(out, 'tests', `readme-webhooks-${index}.ts`), `${block}\nexport {};\n`);
  const tsc = await promisify(execFile)(process.execPath, [
    join(root, 'node_modules/typescript/bin/tsc'),
    '-p',
    join(out, 'tsconfig.json'),
  ]).then(
    () => '',
    (error: { stdout?: string }) => error.stdout ?? String(error),
  );
  expect(tsc).toBe('');
}, 120_000);

describe('schemes from the spec and the config', () => {
  test('Standard Webhooks headers in the spec are Standard Webhooks, verified with a whsec_ secret', async () => {
    const standard = structuredClone(spec) as typeof spec;
    const headers = ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((name) => ({
      name,
      in: 'header',
      required: true,
      schema: { type: 'string' },
    }));
    for (const item of Object.values(standard.webhooks)) item.post.parameters = headers as never;
    delete (standard.paths['/calls'].post as { callbacks?: unknown }).callbacks;
    await writeFile(join(input, 'standard.json'), JSON.stringify(standard));
    const generated = await generate({ spec: join(input, 'standard.json'), cwd: root });
    expect(generated.model.webhooks!.scheme).toEqual({ type: 'standard' });
    expect(generated.model.webhooks!.keyOption).toBe('webhookSecret');
    expect(generated.files.find((item) => item.path === 'src/core-client.ts')!.text).toContain(
      "readEnv('ACME_WEBHOOK_SECRET')",
    );
  });

  test('a config states a scheme the spec cannot: HMAC-SHA256 in a header of its own; unknown keys are refused', async () => {
    const plain = structuredClone(spec) as typeof spec;
    for (const item of Object.values(plain.webhooks)) item.post.parameters = [] as never;
    await writeFile(join(input, 'plain.json'), JSON.stringify(plain));
    await writeFile(
      join(input, 'sdkgen.config.yaml'),
      'webhooks:\n  scheme: hmac-sha256\n  signatureHeader: x-acme-signature\n  signedContent: "{timestamp}.{body}"\n  timestampHeader: x-acme-timestamp\n',
    );
    const generated = await generate({
      spec: join(input, 'plain.json'),
      config: join(input, 'sdkgen.config.yaml'),
      cwd: root,
    });
    expect(generated.model.webhooks!.scheme).toEqual({
      type: 'hmac-sha256',
      signatureHeader: 'x-acme-signature',
      timestampHeader: 'x-acme-timestamp',
      signedContent: '{timestamp}.{body}',
      encoding: 'hex',
    });
    const secret = 'shared secret';
    const timestamp = String(Math.floor(Date.now() / 1000));
    const body = '{"data":{"event_type":"fax.delivered"}}';
    // The runtime the SDK ships, checked against node:crypto's HMAC.
    const { verifyWebhook } = await import('../../templates/src/webhooks/verify.js');
    const headers = {
      'x-acme-timestamp': timestamp,
      'x-acme-signature': createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex'),
    };
    expect(() => verifyWebhook(generated.model.webhooks!.scheme, body, headers, secret)).not.toThrow();
    await writeFile(join(input, 'sdkgen.config.yaml'), 'webhooks:\n  schema: hmac-sha256\n');
    await expect(
      generate({ spec: join(input, 'plain.json'), config: join(input, 'sdkgen.config.yaml'), cwd: root }),
    ).rejects.toThrow(/unknown setting "schema" in webhooks; did you mean "scheme"\?/);
  });

  test('a spec without webhooks gets no webhooks module, option or dependency', async () => {
    const none = structuredClone(spec) as Partial<typeof spec>;
    delete none.webhooks;
    delete (none.paths!['/calls'].post as { callbacks?: unknown }).callbacks;
    await writeFile(join(input, 'none.json'), JSON.stringify(none));
    const generated = await generate({ spec: join(input, 'none.json'), cwd: root });
    expect(generated.model.webhooks).toBeUndefined();
    expect(generated.files.filter((item) => /webhook/i.test(item.path))).toEqual([]);
    expect(
      Object.keys(
        (JSON.parse(generated.files.find((item) => item.path === 'package.json')!.text) as { dependencies: object })
          .dependencies,
      ),
    ).toEqual(['openapi-fetch']);
    expect(generated.files.find((item) => item.path === 'src/core-client.ts')!.text).not.toContain('publicKey');
  });
});

describe('sdkgen webhooks trigger', () => {
  const capture = () => {
    const out: string[] = [];
    const err: string[] = [];
    return {
      io: {
        stdout: { write: (text: string) => out.push(text) },
        stderr: { write: (text: string) => err.push(text) },
      } as never,
      out,
      err,
    };
  };

  test('signs every event example with a key made for the run, prints its public key once, and posts them; the SDK verifies each', async () => {
    const { startServer } = await import('../support/http-server.js');
    const { runWebhooks } = await import('../../generator/cli/webhooks-command.js');
    const { verifyWebhook } = await import('../../templates/src/webhooks/verify.js');
    const server = await startServer((_request, response) => response.writeHead(204).end());
    try {
      const { io, out, err } = capture();
      const code = await runWebhooks(
        {
          values: { url: `${server.url}/hooks`, input: join(input, 'spec.json'), 'no-config': true },
          positionals: ['trigger'],
        },
        root,
        io,
      );
      expect(code).toBe(0);
      expect(out.join('')).toBe(
        'callAnswered (call.answered) -> 204\nfax.delivered (fax.delivered) -> 204\nDialCall callStatus (call.status) -> 204\n',
      );
      const key = /Public key \(set it as the client's publicKey\): ([A-Za-z0-9+/=]+)\n$/.exec(err.join(''))?.[1];
      expect(key).toBeDefined();
      expect(server.requests).toHaveLength(3);
      for (const request of server.requests) {
        expect([request.method, request.url, request.headers['content-type']]).toEqual([
          'POST',
          '/hooks',
          'application/json',
        ]);
        const scheme = result.model.webhooks!.scheme;
        expect(() => verifyWebhook(scheme, request.body, request.headers, key)).not.toThrow();
        expect(() => verifyWebhook(scheme, `${request.body} `, request.headers, key)).toThrow(
          'No matching signature found',
        );
      }
      // One event, by its type value; an unknown one is a usage error with a suggestion.
      const one = capture();
      expect(
        await runWebhooks(
          {
            values: { url: server.url, input: join(input, 'spec.json'), 'no-config': true },
            positionals: ['trigger', 'fax.delivered'],
          },
          root,
          one.io,
        ),
      ).toBe(0);
      expect(one.out.join('')).toBe('fax.delivered (fax.delivered) -> 204\n');
      await expect(
        runWebhooks(
          {
            values: { url: server.url, input: join(input, 'spec.json'), 'no-config': true },
            positionals: ['trigger', 'call.answerd'],
          },
          root,
          capture().io,
        ),
      ).rejects.toThrow('no event "call.answerd"; did you mean "call.answered"?');
    } finally {
      await server.close();
    }
  });

  test('a handler that refuses makes the run fail', async () => {
    const { startServer } = await import('../support/http-server.js');
    const { runWebhooks } = await import('../../generator/cli/webhooks-command.js');
    const server = await startServer((_request, response) => response.writeHead(400).end());
    try {
      const { io, out } = capture();
      expect(
        await runWebhooks(
          {
            values: { url: server.url, input: join(input, 'spec.json'), 'no-config': true },
            positionals: ['trigger', 'callAnswered'],
          },
          root,
          io,
        ),
      ).toBe(1);
      expect(out.join('')).toBe('callAnswered (call.answered) -> 400\n');
    } finally {
      await server.close();
    }
  });
});

const noTelnyx = missingShared('specs/telnyx/spec3.yml');
test.skipIf(noTelnyx)(
  sharedTitle(
    'the full Telnyx spec: 66 events, told apart by data.event_type, each example verified once signed',
    noTelnyx,
  ),
  async () => {
    const { loadSpec } = await import('../../generator/load/load-spec.js');
    const { repairSpec } = await import('../../generator/load/repair.js');
    const { buildModel } = await import('../../generator/model/build-model.js');
    const { parseWebhookBody, verifyWebhook } = await import('../../templates/src/webhooks/verify.js');
    const { document } = await loadSpec(join(SHARED, 'specs/telnyx/spec3.yml'));
    repairSpec(document, []);
    const webhooks = buildModel(document, {}, 'spec3.yml').webhooks!;
    expect(webhooks.events).toHaveLength(66);
    expect(webhooks.scheme).toEqual({
      type: 'ed25519',
      signatureHeader: 'telnyx-signature-ed25519',
      timestampHeader: 'telnyx-timestamp',
      signedContent: '{timestamp}|{body}',
    });
    expect(webhooks.events.find((event) => event.key === 'callAnswered')).toMatchObject({
      typeName: 'CallAnsweredWebhookEvent',
      discriminator: { path: ['data', 'event_type'], values: ['call.answered'] },
    });
    // Every event but the few whose payload declares no event type (campaign status, floor changes, link clicks...).
    expect(webhooks.events.filter((event) => event.discriminator).length).toBeGreaterThanOrEqual(60);
    const withExample = webhooks.events.filter((event) => event.example !== undefined);
    expect(withExample.length).toBeGreaterThanOrEqual(60);
    for (const event of withExample) {
      const body = JSON.stringify(event.example);
      const timestamp = Math.floor(Date.now() / 1000);
      const headers = {
        'telnyx-timestamp': String(timestamp),
        'telnyx-signature-ed25519': sign(null, Buffer.from(`${timestamp}|${body}`), privateKey).toString('base64'),
      };
      expect(() => verifyWebhook(webhooks.scheme, body, headers, publicKeyBase64), event.key).not.toThrow();
      expect(parseWebhookBody(body)).toEqual(event.example);
    }
  },
  120_000,
);

test('hostile header and property names reach the README only through their escaping: code spans, quoted keys, one-line comments', async () => {
  const hostile = structuredClone(spec) as typeof spec;
  const header = 'x`<img src=x onerror=alert(1)>`-signature-ed25519';
  for (const item of Object.values(hostile.webhooks))
    item.post.parameters = [signed[0], { ...signed[1]!, name: header }] as never;
  // The discriminating property: a name that is no identifier, with a line break.
  const schemas = hostile.components.schemas as Record<
    string,
    { properties: { data: { properties: Record<string, unknown> } } }
  >;
  const rename = (properties: Record<string, unknown>) => {
    properties['event-type\n// injected'] = properties['event_type'];
    delete properties['event_type'];
  };
  for (const schema of Object.values(schemas)) rename(schema.properties.data.properties);
  rename(
    (hostile.webhooks['fax.delivered'].post.requestBody.content['application/json'].schema as (typeof schemas)[string])
      .properties.data.properties,
  );
  delete (hostile.paths['/calls'].post as { callbacks?: unknown }).callbacks;
  await writeFile(join(input, 'hostile.json'), JSON.stringify(hostile));
  const generated = await generate({ spec: join(input, 'hostile.json'), cwd: root });
  const readme = generated.files.find((item) => item.path === 'README.md')!.text;
  const section = readme.slice(
    readme.indexOf('## Webhooks'),
    readme.indexOf('\n## ', readme.indexOf('## Webhooks') + 1),
  );
  // The header name shows only as a code span (literal text), never as markup.
  expect(section).toContain(markdownCode(header));
  expect(section.split(markdownCode(header)).join('')).not.toContain('<img');
  expect(section).not.toMatch(/^\/\/ injected/m);
  expect(section).toContain("if (event.data?.['event-type\\n// injected'] === 'call.answered') {");
});
