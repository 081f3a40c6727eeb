import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SdkModel } from '../model/types.js';
import { TEMPLATES_DIR } from './runtime.js';
import type { OutputFile } from './source.js';

interface RuntimeManifest {
  dependencies: Record<string, string>;
  webhookDependencies: Record<string, string>;
  mcpDependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

/**
 * A conditional export of one module (or a `*` pattern) of the ESM and CommonJS builds, each with its declarations.
 * `node`: what Node imports instead (scripts/build.mjs): the main entry bundled into one file, and resource shims that
 * take their classes from it; bundlers keep the per-file ES modules.
 */
function entry(path: string, node?: string): object {
  const index = node === 'index';
  return {
    import: {
      types: `./dist/esm/${path}.d.ts`,
      ...(node && { node: `./dist/esm/${node}.node.js` }),
      default: `./dist/esm/${path}.js`,
    },
    // CommonJS always takes the bundle (index.js wraps it) and its shims: one copy of each class for every require.
    require: {
      types: `./dist/cjs/${path}.d.ts`,
      default: node && !index ? `./dist/cjs/${node}.node.js` : `./dist/cjs/${path}.js`,
    },
  };
}

/** `package.json`, the tsconfigs and the vitest config of the generated package. */
export async function emitPackageFiles(model: SdkModel): Promise<OutputFile[]> {
  const runtime = JSON.parse(await readFile(join(TEMPLATES_DIR, 'package.json'), 'utf8')) as RuntimeManifest;
  const manifest = {
    name: model.packageName,
    version: model.packageVersion,
    description: model.packageDescription,
    license: model.packageMeta.license,
    ...(model.packageMeta.author !== undefined && { author: model.packageMeta.author }),
    ...(model.packageMeta.repository !== undefined && {
      repository: { type: 'git', url: model.packageMeta.repository },
    }),
    ...(model.packageMeta.homepage !== undefined && { homepage: model.packageMeta.homepage }),
    type: 'module',
    main: './dist/cjs/index.js',
    module: './dist/esm/index.js',
    // What `require` gets (main) is typed by the CommonJS declarations (`export =` the client class, scripts/build.mjs):
    // resolvers without `exports` (TypeScript's node10) read these three fields only.
    types: './dist/cjs/index.d.ts',
    // ...and this for subpaths: `pkg/core-client`, `pkg/resources/<name>` and `pkg/core/<name>` find their CommonJS
    // declarations. Resolvers that read `exports` ignore it.
    typesVersions: {
      '*': {
        'core-client': ['./dist/cjs/core-client.d.ts'],
        'core-client.js': ['./dist/cjs/core-client.d.ts'],
        'resources/*': ['./dist/cjs/resources/*'],
        'core/*': ['./dist/cjs/core/*'],
        mcp: ['./dist/cjs/mcp/index.d.ts'],
        'mcp.js': ['./dist/cjs/mcp/index.d.ts'],
      },
    },
    // Subpaths as the official SDKs have them: `pkg/resources/oauth-clients`, `pkg/core/error` (with or without `.js`).
    exports: {
      '.': entry('index', 'index'),
      './core-client': entry('core-client'),
      './core-client.js': entry('core-client'),
      ...Object.fromEntries(
        [`./resources/*.js`, `./resources/*`].map((key) => [key, entry('resources/*', 'resources/*')]),
      ),
      ...Object.fromEntries([`./core/*.js`, `./core/*`].map((key) => [key, entry('core/*')])),
      // The MCP server (issue #24): its own entry, so that no other import loads it or its dependency.
      './mcp': entry('mcp/index'),
      './mcp.js': entry('mcp/index'),
      './package.json': './package.json',
    },
    bin: { [mcpBinName(model.packageName)]: './dist/esm/mcp/bin.js' },
    // src ships too: api.md links into it and the source maps in dist point at it.
    files: ['dist', 'src', 'README.md', 'api.md'],
    sideEffects: false,
    scripts: {
      build: 'node scripts/build.mjs',
      typecheck: 'tsc -p tsconfig.json',
      // Each test file starts its own loopback mock server (tests/mock-server.ts): no spec to load, any size of API.
      test: 'vitest run',
      prepack: 'node scripts/build.mjs',
    },
    // The webhook verifier's audited crypto (templates/src/webhooks), only where the spec declares webhooks.
    dependencies: model.webhooks ? { ...runtime.dependencies, ...runtime.webhookDependencies } : runtime.dependencies,
    // Only MCP users install the MCP SDK: an optional peer, here for the package's own build and tests.
    peerDependencies: runtime.mcpDependencies,
    peerDependenciesMeta: Object.fromEntries(
      Object.keys(runtime.mcpDependencies).map((name) => [name, { optional: true }]),
    ),
    devDependencies: { ...runtime.devDependencies, ...runtime.mcpDependencies },
    // The versions CI runs the SDK on (test/runtimes): Node 20 and 22.
    engines: { node: '>=20' },
  };
  const compilerOptions = {
    target: 'ES2022',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    noUncheckedIndexedAccess: true,
    noImplicitOverride: true,
    isolatedModules: true,
    skipLibCheck: true,
    types: [] as string[],
  };
  const json = (path: string, value: unknown): OutputFile => ({ path, text: `${JSON.stringify(value, null, 2)}\n` });
  return [
    json('package.json', manifest),
    json('tsconfig.json', {
      compilerOptions: { ...compilerOptions, noEmit: true, types: ['node'] },
      include: ['src', 'tests', 'vitest.config.ts'],
    }),
    json('tsconfig.build.json', {
      extends: './tsconfig.json',
      compilerOptions: {
        noEmit: false,
        types: [],
        declaration: true,
        sourceMap: true,
        outDir: 'dist/esm',
        rootDir: 'src',
      },
      include: ['src'],
    }),
    // TypeScript 7 (the package's compiler) resolves CommonJS builds' imports as a bundler would; Node10 is gone.
    json('tsconfig.cjs.json', {
      extends: './tsconfig.build.json',
      compilerOptions: { module: 'CommonJS', moduleResolution: 'Bundler', outDir: 'dist/cjs' },
    }),
    { path: '.gitignore', text: 'node_modules/\ndist/\n*.tgz\n' },
  ];
}

/** A bin's name for the package: its name without the scope (`@acme/sdk` -> `sdk`). */
export function packageBinName(packageName: string): string {
  return packageName.replace(/^@[^/]+\//, '');
}

/** The MCP server's bin: `telnyx-mcp`, `sdk-mcp` for `@acme/sdk`. */
export function mcpBinName(packageName: string): string {
  return `${packageBinName(packageName)}-mcp`;
}
