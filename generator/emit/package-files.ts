import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SdkModel } from '../model/types.js';
import { TEMPLATES_DIR } from './runtime.js';
import type { OutputFile } from './source.js';

interface RuntimeManifest {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

/** A conditional export of one module (or a `*` pattern) of the ESM and CommonJS builds, each with its declarations. */
function entry(path: string): object {
  return {
    import: { types: `./dist/esm/${path}.d.ts`, default: `./dist/esm/${path}.js` },
    require: { types: `./dist/cjs/${path}.d.ts`, default: `./dist/cjs/${path}.js` },
  };
}

/** `package.json`, the tsconfigs and the vitest config of the generated package. */
export async function emitPackageFiles(model: SdkModel): Promise<OutputFile[]> {
  const runtime = JSON.parse(await readFile(join(TEMPLATES_DIR, 'package.json'), 'utf8')) as RuntimeManifest;
  const manifest = {
    name: model.packageName,
    version: model.packageVersion,
    description: model.packageDescription,
    type: 'module',
    main: './dist/cjs/index.js',
    module: './dist/esm/index.js',
    types: './dist/esm/index.d.ts',
    // Subpaths as the official SDKs have them: `pkg/resources/oauth-clients`, `pkg/core/error` (with or without `.js`).
    exports: {
      '.': entry('index'),
      './core-client': entry('core-client'),
      './core-client.js': entry('core-client'),
      ...Object.fromEntries(['resources', 'core'].flatMap((dir) => [[`./${dir}/*.js`, entry(`${dir}/*`)], [`./${dir}/*`, entry(`${dir}/*`)]])),
      './package.json': './package.json',
    },
    files: ['dist', 'README.md', 'api.md'],
    sideEffects: false,
    scripts: {
      build: 'node scripts/build.mjs',
      typecheck: 'tsc -p tsconfig.json',
      test: 'vitest run',
      prepack: 'node scripts/build.mjs',
    },
    dependencies: runtime.dependencies,
    devDependencies: runtime.devDependencies,
    engines: { node: '>=18' },
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
    json('tsconfig.json', { compilerOptions: { ...compilerOptions, noEmit: true, types: ['node'] }, include: ['src', 'tests', 'vitest.config.ts'] }),
    json('tsconfig.build.json', { extends: './tsconfig.json', compilerOptions: { noEmit: false, types: [], declaration: true, sourceMap: true, outDir: 'dist/esm', rootDir: 'src' }, include: ['src'] }),
    // TypeScript 7 (the package's compiler) resolves CommonJS builds' imports as a bundler would; Node10 is gone.
    json('tsconfig.cjs.json', { extends: './tsconfig.build.json', compilerOptions: { module: 'CommonJS', moduleResolution: 'Bundler', outDir: 'dist/cjs' } }),
    { path: '.gitignore', text: 'node_modules/\ndist/\n*.tgz\n' },
  ];
}
