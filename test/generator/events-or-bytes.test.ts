// A response offering bytes (application/octet-stream, audio/*) beside text/event-stream (issue 26 item 3): not an
// event-stream-only method. The call sends the Accept its params select (`stream: true`: events), defaults to the
// bytes, and is typed by the param; run against a loopback node:http server.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { allMethods } from '../../generator/model/build-model.js';
import { type GeneratedSdk, generateSdk } from '../support/generated-sdk.js';
import { startServer, type TestServer } from '../support/http-server.js';

const FOLDER = '.events-or-bytes-sdk';

/** The generated client, as this test calls it (its own types are checked by the typecheck test below). */
interface VoiceLike {
  audio: {
    createSpeech(params: { input: string; stream?: boolean }): Promise<Blob | AsyncIterable<unknown>>;
    sounds: { create(params: { prompt: string }): Promise<Blob> };
  };
}
let sdk: GeneratedSdk;
let server: TestServer;

beforeAll(async () => {
  sdk = await generateSdk('test/fixtures/events-or-bytes.yaml', FOLDER);
  server = await startServer((request, res) => {
    const accept = String(request.headers['accept']);
    // As the servers of such APIs do: the type asked for, else an error.
    if (accept === 'text/event-stream') {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end('data: {"type":"audio.delta","audio":"AAA="}\n\ndata: {"type":"audio.done"}\n\n');
    } else if (accept === 'application/octet-stream' || accept === 'audio/mpeg') {
      res.writeHead(200, { 'content-type': accept });
      res.end(Buffer.from([1, 2, 3]));
    } else {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"error":"unsupported accept"}');
    }
  });
}, 120_000);
afterAll(async () => {
  await server?.close();
  await sdk?.remove();
});

describe('bytes or events, as the params ask', () => {
  test('the model: bytes by default, events selectable by `stream`; without such a param, bytes only', () => {
    const methods = allMethods(sdk.result.model.resources);
    const speech = methods.find((method) => method.path === '/audio/speech')!;
    expect(speech.response).toMatchObject({
      kind: 'binary',
      statuses: [{ contentType: 'application/octet-stream' }],
      events: { contentType: 'text/event-stream', param: 'stream' },
    });
    const sounds = methods.find((method) => method.path === '/audio/sounds')!;
    expect(sounds.response.kind).toBe('binary');
    expect(sounds.response.events).toBeUndefined();
  });

  test('the call sends the Accept its params select and reads what comes back', async () => {
    const entry = join(sdk.dir, 'src/index.ts');
    const { Voice } = (await import(/* @vite-ignore */ entry)) as { Voice: new (options: object) => VoiceLike };
    const client = new Voice({ baseURL: server.url, maxRetries: 0 });
    const before = server.requests.length;
    const bytes = await client.audio.createSpeech({ input: 'hi' });
    expect(bytes).toBeInstanceOf(Blob);
    expect([...new Uint8Array(await (bytes as Blob).arrayBuffer())]).toEqual([1, 2, 3]);
    const events = [];
    for await (const event of (await client.audio.createSpeech({
      input: 'hi',
      stream: true,
    })) as AsyncIterable<unknown>)
      events.push(event);
    expect(events).toEqual([{ type: 'audio.delta', audio: 'AAA=' }, { type: 'audio.done' }]);
    const sound = await client.audio.sounds.create({ prompt: 'rain' });
    expect(sound).toBeInstanceOf(Blob);
    const sent = server.requests.slice(before);
    expect(sent.map((request) => request.headers['accept'])).toEqual([
      'application/octet-stream',
      'text/event-stream',
      'audio/mpeg',
    ]);
    expect(JSON.parse(sent[1]!.body)).toEqual({ input: 'hi', stream: true });
  });

  test('both results are typed by the param', async () => {
    const root = fileURLToPath(new URL('..', import.meta.url));
    await writeFile(
      join(sdk.dir, 'src', 'events-or-bytes-check.ts'),
      [
        "import { Voice } from './index.js';",
        "import type { Stream } from './core/streaming.js';",
        "import type { AudioCreateSpeechEvent } from './resources/audio.js';",
        'export async function check(client: Voice, flag: boolean): Promise<void> {',
        "  const bytes: Blob = await client.audio.createSpeech({ input: 'x' });",
        "  const off: Blob = await client.audio.createSpeech({ input: 'x', stream: false });",
        "  const events: Stream<AudioCreateSpeechEvent> = await client.audio.createSpeech({ input: 'x', stream: true });",
        "  const either: Blob | Stream<AudioCreateSpeechEvent> = await client.audio.createSpeech({ input: 'x', stream: flag });",
        '  // @ts-expect-error events are no Blob',
        "  const wrong: Blob = await client.audio.createSpeech({ input: 'x', stream: true });",
        '  void [bytes, off, events, either, wrong];',
        '}',
        '',
      ].join('\n'),
    );
    expect(await sdk.typecheck()).toBe('');
  }, 120_000);
});
