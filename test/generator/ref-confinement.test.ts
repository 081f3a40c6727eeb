// A `$ref` reads only regular files under the root spec's folder unless the user widens it (allowRefs / --allow-refs),
// and never the network unless a URL prefix is allowed. Every refusal happens before the target is opened and is a
// one-line error at the offending $ref. Network tests use a loopback server of their own that counts what reaches it.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ConfigError, SpecError } from '../../generator/core/errors.js';
import { loadConfig } from '../../generator/load/load-config.js';
import { type LoadSpecOptions, loadSpec } from '../../generator/load/load-spec.js';
import { fetchSpec } from '../../generator/load/read-input.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const linux = process.platform === 'linux';
const CANARY = 'SECRET-CANARY-7f3a';
const REF_AT = 'spec/openapi.yaml:13:23 (#/paths/~1pets/get/responses/200/content/application~1json/schema/$ref)';

let work: string;
let specDir: string;
let outside: string;
let server: Server;
let base: string;
const requests: string[] = [];

/** A spec whose one response schema is `$ref: <ref>` (line 13, value at column 23). */
function specText(ref: string): string {
  return `openapi: 3.0.3
info: {title: Refs, version: 1.0.0}
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                $ref: ${JSON.stringify(ref)}
servers:
  - url: https://api.example.test
`;
}

async function load(ref: string, options: LoadSpecOptions = {}): Promise<unknown> {
  const file = join(specDir, 'openapi.yaml');
  await writeFile(file, specText(ref));
  const { document } = await loadSpec(file, 'spec/openapi.yaml', options);
  return document;
}

/** Loading fails with one line at `where` ending in `problem`, and nothing of the secret file shows. */
async function refused(ref: string, problem: RegExp, options: LoadSpecOptions = {}, where = REF_AT): Promise<string> {
  const error = await load(ref, options).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SpecError);
  const message = (error as SpecError).message;
  expect(message).not.toMatch(/[\n\r\u2028\u2029]/);
  expect(message).not.toContain(CANARY);
  expect(message.startsWith(`${where}: $ref ${JSON.stringify(ref)} `)).toBe(true);
  expect(message).toMatch(problem);
  return message;
}

const schemaYaml = (description: string) =>
  `type: object\ndescription: ${description}\nproperties:\n  name: {type: string}\n`;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'ref-confinement-'));
  specDir = join(work, 'spec');
  outside = join(work, 'outside');
  await mkdir(join(specDir, 'schemas'), { recursive: true });
  await mkdir(outside);
  await writeFile(join(specDir, 'schemas/pet.yaml'), schemaYaml('A pet from inside.'));
  await writeFile(join(outside, 'secret.yaml'), schemaYaml(CANARY));
  // A FIFO outside: the old resolver would block on it forever, so a pass also shows the refusal comes before opening.
  if (linux) execFileSync('mkfifo', [join(outside, 'pipe.yaml')]);

  server = createServer((request, response) => {
    const path = request.url ?? '';
    requests.push(path);
    if (path === '/ok/pet.yaml')
      return void response
        .writeHead(200, { 'content-type': 'application/yaml' })
        .end(schemaYaml('A pet from the server.'));
    if (path === '/ok/moved.yaml') return void response.writeHead(302, { location: '/ok/pet.yaml' }).end();
    if (path === '/ok/leave.yaml') return void response.writeHead(302, { location: '/private/secret.yaml' }).end();
    if (path === '/spec/openapi.yaml')
      return void response
        .writeHead(200, { 'content-type': 'application/yaml' })
        .end(specText('#/components/schemas/X'));
    if (path === '/spec/moved.yaml') return void response.writeHead(301, { location: '/spec/openapi.yaml' }).end();
    if (path === '/spec/elsewhere.yaml')
      return void response
        .writeHead(302, { location: `http://localhost:${(server.address() as AddressInfo).port}/spec/openapi.yaml` })
        .end();
    if (path === '/ok/sneaky.yaml')
      return void response.writeHead(302, { location: '/ok/%252e%252e%252fprivate/secret.yaml' }).end();
    if (path === '/ok/hang.yaml') return; // headers never come
    if (path === '/ok/huge.yaml') {
      // An endless body: only a size cap ends it.
      response.writeHead(200, { 'content-type': 'application/yaml' });
      const chunk = Buffer.alloc(64 * 1024, '#');
      const pump = (): void => {
        while (!response.destroyed && response.write(chunk));
        if (!response.destroyed) response.once('drain', pump);
      };
      return pump();
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(work, { recursive: true, force: true });
});

describe('local refs', () => {
  test('a file inside the spec folder resolves', async () => {
    expect(JSON.stringify(await load('./schemas/pet.yaml'))).toContain('A pet from inside.');
  });

  test('.. beyond the folder is refused, however it is spelled', async () => {
    await refused(
      '../outside/secret.yaml',
      /leads outside the spec's folder \(spec\); allow it with --allow-refs or allowRefs in the SDK config$/,
    );
    await refused('./schemas/../../outside/secret.yaml', /leads outside the spec's folder/);
    await refused('../../../../../../../../../../etc/passwd', /leads outside the spec's folder/);
    // A ref that would break the message over lines is escaped.
    await refused('../outside/\nsecret.yaml', /leads outside/);
    const error = (await load('../outside/\u2028secret.yaml').catch((caught: unknown) => caught)) as Error;
    expect(error.message).toContain('$ref "../outside/\\u2028secret.yaml" leads outside');
  });

  test('absolute paths outside are refused', async () => {
    await refused(join(outside, 'secret.yaml'), /leads outside the spec's folder/);
    await refused('/etc/passwd', /leads outside the spec's folder/);
  });

  test('file: URLs outside are refused; inside they are an ordinary file', async () => {
    await refused(pathToFileURL(join(outside, 'secret.yaml')).href, /leads outside the spec's folder/);
    await refused('file:///etc/passwd', /leads outside the spec's folder/);
    expect(JSON.stringify(await load(pathToFileURL(join(specDir, 'schemas/pet.yaml')).href))).toContain(
      'A pet from inside.',
    );
  });

  test('a symbolic link inside that leads outside is refused; one that stays inside resolves', async () => {
    await symlink(join(outside, 'secret.yaml'), join(specDir, 'leak.yaml'));
    await symlink(join(outside), join(specDir, 'leakdir'));
    await symlink(join(specDir, 'schemas/pet.yaml'), join(specDir, 'alias.yaml'));
    await refused('./leak.yaml', /leads, through a symbolic link, outside the spec's folder/);
    await refused('./leakdir/secret.yaml', /leads, through a symbolic link, outside the spec's folder/);
    expect(JSON.stringify(await load('./alias.yaml'))).toContain('A pet from inside.');
  });

  test.skipIf(!linux)(
    'devices and /proc are refused, also through links and when their folder is allowed',
    async () => {
      await refused('/dev/zero', /leads outside the spec's folder/);
      await refused('/proc/self/environ', /leads outside the spec's folder/);
      await symlink('/dev/zero', join(specDir, 'zero.yaml'));
      await refused('./zero.yaml', /leads, through a symbolic link, outside/);
      await refused('/dev/zero', /is not a regular file \(a device\)$/, { allowRefs: ['/dev'] });
    },
  );

  test.skipIf(!linux)('a FIFO is refused without waiting for a writer, inside the folder or out', async () => {
    execFileSync('mkfifo', [join(specDir, 'pipe.yaml')]);
    await refused('./pipe.yaml', /is not a regular file \(a FIFO\)$/);
    await refused('../outside/pipe.yaml', /leads outside the spec's folder/);
    await refused(join(outside, 'pipe.yaml'), /is not a regular file \(a FIFO\)$/, { allowRefs: [outside] });
  });

  test('a file larger than the cap is refused', async () => {
    await writeFile(join(specDir, 'big.yaml'), schemaYaml('x'.repeat(5000)));
    await refused('./big.yaml', /is larger than the 4000 bytes a referenced file may have$/, {
      refLimits: { maxFileBytes: 4000 },
    });
  });

  test('a ref in a referenced file is confined too, and located in that file', async () => {
    await writeFile(
      join(specDir, 'schemas/owner.yaml'),
      'type: object\nproperties:\n  secret:\n    $ref: ../../outside/secret.yaml\n',
    );
    const error = await load('./schemas/owner.yaml').catch((caught: unknown) => caught);
    expect((error as SpecError).message).toBe(
      `spec/schemas/owner.yaml:4:11 (#/properties/secret/$ref): $ref "../../outside/secret.yaml" leads outside the spec's folder (spec); allow it with --allow-refs or allowRefs in the SDK config`,
    );
  });

  test('a cycle of refs across files is a located error, not a stack trace', async () => {
    await writeFile(join(specDir, 'schemas/a.yaml'), '$ref: ./b.yaml\n');
    await writeFile(join(specDir, 'schemas/b.yaml'), '$ref: ./a.yaml\n');
    await writeFile(join(specDir, 'schemas/c.yaml'), "A: {$ref: '#/B'}\nB: {$ref: '#/A'}\n");
    expect(((await load('./schemas/a.yaml').catch((caught: unknown) => caught)) as SpecError).message).toBe(
      `${REF_AT}: $ref "./schemas/a.yaml" starts a cycle of $refs that never reaches a value: spec/schemas/a.yaml -> spec/schemas/b.yaml -> spec/schemas/a.yaml`,
    );
    expect(((await load('./schemas/c.yaml#/A').catch((caught: unknown) => caught)) as SpecError).message).toBe(
      `${REF_AT}: $ref "./schemas/c.yaml#/A" starts a cycle of $refs that never reaches a value: spec/schemas/c.yaml#/A -> spec/schemas/c.yaml#/B -> spec/schemas/c.yaml#/A`,
    );
  });

  test('allowRefs widens to a folder', async () => {
    expect(JSON.stringify(await load('../outside/secret.yaml', { allowRefs: [outside] }))).toContain(CANARY);
  });
});

describe('remote refs', () => {
  test('a URL is refused without a request', async () => {
    requests.length = 0;
    await refused(`${base}/ok/pet.yaml`, /is a URL; remote refs are not fetched unless allowed/);
    await refused('ftp://127.0.0.1/pet.yaml', /uses the ftp: scheme, which is never followed$/);
    // From a file the spec refers to, too.
    await writeFile(
      join(specDir, 'schemas/remote.yaml'),
      `type: object\nproperties:\n  pet:\n    $ref: ${base}/ok/pet.yaml\n`,
    );
    expect(((await load('./schemas/remote.yaml').catch((caught: unknown) => caught)) as Error).message).toMatch(
      /^spec\/schemas\/remote\.yaml:4:11 \(#\/properties\/pet\/\$ref\): \$ref "http:.*" is a URL/,
    );
    expect(requests).toEqual([]);
  });

  test('an allowed prefix is fetched, redirects within it followed', async () => {
    requests.length = 0;
    const options = { allowRefs: [`${base}/ok/`] };
    expect(JSON.stringify(await load(`${base}/ok/pet.yaml`, options))).toContain('A pet from the server.');
    expect(JSON.stringify(await load(`${base}/ok/moved.yaml`, options))).toContain('A pet from the server.');
    expect(requests).toEqual(['/ok/pet.yaml', '/ok/moved.yaml', '/ok/pet.yaml']);
  });

  test('outside the allowed prefix: no request, and no redirect out of it', async () => {
    requests.length = 0;
    const options = { allowRefs: [`${base}/ok`] };
    await refused(`${base}/okay/pet.yaml`, /is a URL; remote refs are not fetched unless allowed/, options);
    await refused(`${base}/ok/leave.yaml`, /redirects to "\/private\/secret\.yaml", which is not allowed$/, options);
    expect(requests).toEqual(['/ok/leave.yaml']);
  });

  test('encoded traversal cannot leave an allowed prefix: no request, whatever the encoding (issue 19)', async () => {
    requests.length = 0;
    const options = { allowRefs: [`${base}/ok/`] };
    for (const path of [
      '..%2fprivate/secret.yaml',
      '%2e%2e/private/secret.yaml',
      '%252e%252e%252fprivate/secret.yaml',
      '..%5cprivate%5csecret.yaml',
      '%25252e%25252e%25252fsecret.yaml',
      '%E0%A4%A.yaml',
    ]) {
      await refused(
        `${base}/ok/${path}`,
        /has an encoded "\/", "\\" or "\." in its path .*never fetched$|is a URL; remote refs are not fetched unless allowed/,
        options,
      );
    }
    expect(requests).toEqual([]);
    // A redirect to one is refused the same way, before it is followed.
    await refused(
      `${base}/ok/sneaky.yaml`,
      /redirects to "\/ok\/%252e%252e%252fprivate\/secret\.yaml", which is not allowed$/,
      options,
    );
    expect(requests).toEqual(['/ok/sneaky.yaml']);
  });

  test('a server that never answers times out; an endless body is cut at the cap', async () => {
    const options = { allowRefs: [`${base}/ok/`], refLimits: { timeoutMs: 300, maxRemoteBytes: 1024 * 1024 } };
    await refused(`${base}/ok/hang.yaml`, /could not be fetched within 0\.3 s$/, options);
    await refused(`${base}/ok/huge.yaml`, /is larger than the 1 MB a remote document may have$/, options);
    await refused(`${base}/ok/missing.yaml`, /could not be fetched: HTTP 404$/, options);
  });
});

describe('a spec URL (issue 19)', () => {
  test('redirects within its origin are followed; one to another origin is refused, naming it, never requested', async () => {
    requests.length = 0;
    expect(await fetchSpec(`${base}/spec/moved.yaml`)).toContain('openapi: 3.0.3');
    expect(requests).toEqual(['/spec/moved.yaml', '/spec/openapi.yaml']);
    requests.length = 0;
    const port = (server.address() as AddressInfo).port;
    const error = await fetchSpec(`${base}/spec/elsewhere.yaml`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).message).toBe(
      `${base}/spec/elsewhere.yaml: redirects to "http://localhost:${port}/spec/openapi.yaml", another origin; not followed (give that URL itself if you trust it)`,
    );
    expect(requests).toEqual(['/spec/elsewhere.yaml']);
  });
});

describe('allowRefs and --allow-refs', () => {
  test('the config key takes folders relative to the config and URL prefixes; anything else is a located error', async () => {
    await writeFile(join(specDir, 'sdk.yaml'), `allowRefs:\n  - ../outside\n  - ${base}/ok/\n`);
    expect((await loadConfig(join(specDir, 'sdk.yaml'), 'sdk.yaml')).allowRefs).toEqual([outside, `${base}/ok/`]);
    await writeFile(join(specDir, 'sdk.yaml'), 'allowRefs:\n  - ftp://example.test/\n');
    const error = await loadConfig(join(specDir, 'sdk.yaml'), 'sdk.yaml').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toBe(
      'sdk.yaml:2:5 (#/allowRefs/0): "ftp://example.test/" is neither a folder nor an http(s) URL prefix',
    );
  });

  test('generate: refused by default with exit 1 and one line, nothing written; --allow-refs lets it through', async () => {
    const spec = join(work, 'cli/spec/openapi.yaml');
    await mkdir(join(work, 'cli/spec'), { recursive: true });
    await writeFile(spec, specText('../../outside/secret.yaml'));
    const out = join(work, 'cli/out');
    const refusedRun = await run(join(root, 'generator/run.mjs'), ['--spec', spec, '--out', out], work);
    expect(refusedRun.code).toBe(1);
    expect(refusedRun.stderr).toMatch(
      /^error: cli\/spec\/openapi\.yaml:13:23 \(#\/paths\/~1pets\/get\/responses\/200\/content\/application~1json\/schema\/\$ref\): \$ref "\.\.\/\.\.\/outside\/secret\.yaml" leads outside the spec's folder \(cli\/spec\)[^\n]*\n$/,
    );
    expect(existsSync(out)).toBe(false);
    const allowed = await run(
      join(root, 'generator/run.mjs'),
      ['--spec', spec, '--out', out, '--allow-refs', 'outside'],
      work,
    );
    expect(allowed.stderr).toBe('');
    expect(allowed.code).toBe(0);
    expect(await readFile(join(out, 'src/internal/openapi.ts'), 'utf8')).toContain(CANARY);
  }, 60_000);

  test('diff of git refs: a multi-file spec is read from the commit, and its refs cannot leave the spec folder', async () => {
    const repo = join(work, 'repo');
    await mkdir(join(repo, 'spec/schemas'), { recursive: true });
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], {
        cwd: repo,
      });
    git('init', '-q');
    await writeFile(join(repo, 'spec/openapi.yaml'), specText('./schemas/pet.yaml'));
    await writeFile(join(repo, 'spec/schemas/pet.yaml'), schemaYaml('A pet.'));
    git('add', '-A');
    git('commit', '-qm', 'one');
    // Only the referenced file changes: a new required property.
    await writeFile(
      join(repo, 'spec/schemas/pet.yaml'),
      `${schemaYaml('A pet.')}  age: {type: integer}\nrequired: [age]\n`,
    );
    git('commit', '-qam', 'two');
    const diffCli = [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'generator/cli/main.ts'), 'diff'];
    const changed = await run(diffCli[0]!, [...diffCli.slice(1), '--base', 'HEAD~1', '--head', 'HEAD', '--json'], repo);
    expect(changed.stderr).toBe('');
    expect(JSON.stringify(JSON.parse(changed.stdout))).toContain('age');

    // A commit whose spec points at a file outside its folder (here by absolute path) is refused, not read.
    await writeFile(join(repo, 'spec/openapi.yaml'), specText(join(outside, 'secret.yaml')));
    git('commit', '-qam', 'three');
    const leak = await run(diffCli[0]!, [...diffCli.slice(1), '--base', 'HEAD', '--head', 'HEAD~1'], repo);
    expect(leak.code).toBe(1);
    expect(leak.stdout).toBe('');
    expect(leak.stderr).toMatch(
      /^error: HEAD:spec\/openapi\.yaml:13:23 \([^)]*\): \$ref "[^"]*secret\.yaml" leads outside the spec's folder \(HEAD:spec\)[^\n]*\n$/,
    );
    expect(leak.stderr).not.toContain(CANARY);
  }, 60_000);
});

function run(script: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [script, ...args], { cwd }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}
