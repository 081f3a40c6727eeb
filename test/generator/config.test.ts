// The config file: found upward from the working directory, in YAML, JSON or TypeScript, checked against the
// published JSON Schema so that a misspelt key at any depth is an error at its place, with a suggestion.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
// @ts-expect-error: a plain JavaScript build script, without declarations.
import { bundleForPack } from '../../generator/build.mjs';
import { ConfigError } from '../../generator/core/errors.js';
import { closest } from '../../generator/core/suggest.js';
import { CONFIG_SCHEMA, type JsonSchema } from '../../generator/load/config-schema.js';
import { findConfig, loadConfig } from '../../generator/load/load-config.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'config-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function configError(name: string, text: string): Promise<string> {
  await writeFile(join(dir, name), text);
  const error = await loadConfig(join(dir, name), name).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).message;
}

describe('unknown keys, at any depth, are errors with their place and a suggestion', () => {
  test.each([
    [
      'a nested typo',
      'package:\n  name: acme\n  verison: 1.0.0\n',
      'c.yaml:3:12 (#/package/verison): unknown setting "verison" in package; did you mean "version"?',
    ],
    [
      'a top-level typo',
      'clientNmae: Acme\n',
      'c.yaml:1:13 (#/clientNmae): unknown setting "clientNmae"; did you mean "clientName"?',
    ],
    [
      'a typo in an operation override',
      'operations:\n  ListWidgets:\n    methd: list\n',
      'c.yaml:3:12 (#/operations/ListWidgets/methd): unknown setting "methd" in operations.ListWidgets; did you mean "method"?',
    ],
    [
      'a typo in a pagination scheme',
      'operations:\n  L:\n    pagination: {kind: cursor, items: [data], cursorParm: after}\n',
      'c.yaml:3:59 (#/operations/L/pagination/cursorParm): unknown setting "cursorParm" in operations.L.pagination; did you mean "cursorParam"?',
    ],
  ])('%s', async (_, text, message) => {
    expect(await configError('c.yaml', text)).toBe(message);
  });

  test('a key far from any known one lists the known ones', async () => {
    expect(await configError('c.yaml', 'package:\n  zzz: 1\n')).toBe(
      'c.yaml:2:8 (#/package/zzz): unknown setting "zzz" in package (known: name, version, description, license, author, repository, homepage)',
    );
  });

  test('wrong shapes and values', async () => {
    expect(await configError('c.yaml', 'allowRefs: ../shared\n')).toBe('c.yaml:1:12 (#/allowRefs): must be a list');
    expect(await configError('c.yaml', 'operations:\n  L:\n    pagination: {kind: pages, items: [data]}\n')).toMatch(
      /^c\.yaml:3:24 \(#\/operations\/L\/pagination\/kind\): must be one of page-number, cursor, /,
    );
    expect(await configError('c.yaml', 'operations:\n  L:\n    pagination: {kind: cursor}\n')).toMatch(
      /^c\.yaml:3:17 \(#\/operations\/L\/pagination\): needs "items": the path to the list/,
    );
    expect(await configError('c.yaml', 'operations:\n  L:\n    pagination: true\n')).toMatch(
      /\(#\/operations\/L\/pagination\): must be false or a mapping$/,
    );
    expect(await configError('c.json', '{\n  "package": { "version": "one" }\n}\n')).toBe(
      'c.json:2:27 (#/package/version): "one" is not valid: a semver version, like 1.0.0',
    );
  });

  test('the committed configs pass', async () => {
    expect((await loadConfig(join(root, 'spec/sdk.config.yaml'))).clientName).toBe('Telnyx');
    expect((await loadConfig(join(root, 'test/fixtures/features.config.yaml'))).clientName).toBe('Files');
  });
});

describe('the published JSON Schema', () => {
  test('closes every mapping it describes, so editors flag what the loader rejects', () => {
    const open: string[] = [];
    const walk = (schema: JsonSchema, path: string): void => {
      if (schema.properties && schema.additionalProperties !== false) open.push(path);
      for (const [key, child] of Object.entries(schema.properties ?? {})) walk(child, `${path}/${key}`);
      if (typeof schema.additionalProperties === 'object') walk(schema.additionalProperties, `${path}/*`);
      for (const option of schema.oneOf ?? []) walk(option, path);
      if (schema.items) walk(schema.items, `${path}/items`);
    };
    walk(CONFIG_SCHEMA, '#');
    expect(open).toEqual([]);
  });

  test('every setting in it is documented', () => {
    const missing = Object.entries(CONFIG_SCHEMA.properties!)
      .filter(([, schema]) => !schema.description)
      .map(([key]) => key);
    expect(missing).toEqual([]);
  });
});

describe('finding the config', () => {
  test('the nearest folder up from the working directory wins; none above the git root', async () => {
    const project = join(dir, 'project');
    await mkdir(join(project, '.git'), { recursive: true });
    await mkdir(join(project, 'packages/api/src'), { recursive: true });
    await writeFile(join(project, 'sdkgen.config.yaml'), 'input: openapi.yaml\n');
    expect(findConfig(join(project, 'packages/api/src'))).toBe(join(project, 'sdkgen.config.yaml'));
    await writeFile(join(project, 'packages/api/sdkgen.config.json'), '{}');
    expect(findConfig(join(project, 'packages/api/src'))).toBe(join(project, 'packages/api/sdkgen.config.json'));
    // A config above the repository is someone else's.
    await writeFile(join(dir, 'sdkgen.config.yaml'), 'input: x.yaml\n');
    await rm(join(project, 'sdkgen.config.yaml'));
    await rm(join(project, 'packages/api/sdkgen.config.json'));
    expect(findConfig(join(project, 'packages/api/src'))).toBeUndefined();
    await rm(join(dir, 'sdkgen.config.yaml'));
  });

  test('the search stops at the project: the nearest package.json or .git, never above home; outside a project, the working directory only (issue 19)', async () => {
    const outside = join(dir, 'no-project');
    await mkdir(join(outside, 'a/b/c'), { recursive: true });
    await writeFile(join(outside, 'sdkgen.config.yaml'), 'input: x.yaml\n');
    await writeFile(join(outside, 'a/sdkgen.config.ts'), 'export default {};\n');
    expect(findConfig(join(outside, 'a/b/c'), '/nonexistent-home')).toBeUndefined();
    expect(findConfig(join(outside, 'a'), '/nonexistent-home')).toBe(join(outside, 'a/sdkgen.config.ts'));
    // The nearest package.json is the project's root: a config above it is not the project's.
    await writeFile(join(outside, 'a/b/package.json'), '{}\n');
    expect(findConfig(join(outside, 'a/b/c'), '/nonexistent-home')).toBeUndefined();
    await writeFile(join(outside, 'a/b/sdkgen.config.json'), '{}');
    expect(findConfig(join(outside, 'a/b/c'), '/nonexistent-home')).toBe(join(outside, 'a/b/sdkgen.config.json'));
    // A repository root above the home folder does not pull the search above it.
    const repo = join(dir, 'repo-above-home');
    await mkdir(join(repo, '.git'), { recursive: true });
    await mkdir(join(repo, 'home/me/work'), { recursive: true });
    await writeFile(join(repo, 'sdkgen.config.yaml'), 'input: x.yaml\n');
    expect(findConfig(join(repo, 'home/me/work'), join(repo, 'home/me'))).toBeUndefined();
    expect(findConfig(join(repo, 'home/me/work'), '/nonexistent-home')).toBe(join(repo, 'sdkgen.config.yaml'));
  });

  test('the CLI never runs a config from above the project, and names the config it uses on stderr (issue 19)', async () => {
    const cli = (args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> =>
      new Promise((resolve) => {
        execFile(
          process.execPath,
          [join(root, 'generator/run.mjs'), ...args],
          { cwd, env: { ...process.env, HOME: '/nonexistent-home' } },
          (error, stdout, stderr) =>
            resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
        );
      });
    const base = join(dir, 'cli-search');
    await mkdir(join(base, 'up/work'), { recursive: true });
    const ran = join(base, 'ran.txt');
    await writeFile(
      join(base, 'sdkgen.config.ts'),
      `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(ran)}, 'ran');\nexport default {};\n`,
    );
    const spec =
      'openapi: 3.0.3\ninfo: {title: Pets, version: "1"}\nservers: [{url: "https://pets.example"}]\npaths:\n  /pets:\n    get:\n      responses:\n        "204": {description: ok}\n';
    await writeFile(join(base, 'up/work/openapi.yaml'), spec);
    const result = await cli(['generate', 'openapi.yaml', '-o', 'out'], join(base, 'up/work'));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(existsSync(ran)).toBe(false);
    // In a project, the config found is named, once.
    await writeFile(join(base, 'up/package.json'), '{}\n');
    await writeFile(join(base, 'up/sdkgen.config.yaml'), 'input: work/openapi.yaml\noutput: work/out2\n');
    const found = await cli(['generate'], join(base, 'up/work'));
    expect(found.stderr).toBe('using config ../sdkgen.config.yaml\n');
    expect(found.code).toBe(0);
    expect(existsSync(ran)).toBe(false);
  }, 60_000);

  test("this repository's layout: spec/sdk.config.yaml from the root", () => {
    expect(findConfig(root)).toBe(join(root, 'spec/sdk.config.yaml'));
  });
});

describe('sdkgen.config.ts', () => {
  test('its default export, typed by defineConfig from the package, is checked like YAML', async () => {
    const project = join(dir, 'ts-project');
    await mkdir(join(project, 'node_modules'), { recursive: true });
    // The package as a user has it installed: `openapi-sdkgen` resolves to this repository, whose entry is the bundle
    // `npm pack` builds (generator/dist/index.mjs): built here, not left to whichever test ran first.
    await bundleForPack();
    await symlink(root, join(project, 'node_modules/openapi-sdkgen'), 'dir');
    await writeFile(join(project, 'package.json'), '{ "type": "module" }\n');
    const file = join(project, 'sdkgen.config.ts');
    await writeFile(
      file,
      "import { defineConfig } from 'openapi-sdkgen';\n\nconst name: string = 'Acme';\nexport default defineConfig({ clientName: name, package: { version: '2.0.0' } });\n",
    );
    expect(await loadConfig(file, 'sdkgen.config.ts')).toEqual({ clientName: 'Acme', package: { version: '2.0.0' } });
    await writeFile(file, "export default { package: { verison: '2.0.0' } };\n");
    await expect(loadConfig(file, 'sdkgen.config.ts')).rejects.toThrow(
      'sdkgen.config.ts (#/package/verison): unknown setting "verison" in package; did you mean "version"?',
    );
    await writeFile(file, 'export const config = {};\n');
    await expect(loadConfig(file, 'sdkgen.config.ts')).rejects.toThrow('sdkgen.config.ts: has no default export');
    await writeFile(file, 'export default {;\n');
    await expect(loadConfig(file, 'sdkgen.config.ts')).rejects.toThrow(/^sdkgen\.config\.ts:1:17: /);
    // The compiled copy it ran is gone.
    expect((await readFile(join(project, 'package.json'), 'utf8')).length).toBeGreaterThan(0);
  });
});

test('suggestions are for near misses only', () => {
  expect(closest('verison', ['name', 'version'])).toBe('version');
  expect(closest('outt', ['--out', 'out', 'output'])).toBe('out');
  expect(closest('x', ['name', 'version'])).toBeUndefined();
  expect(closest('bogus', ['clientName', 'envPrefix'])).toBeUndefined();
});
