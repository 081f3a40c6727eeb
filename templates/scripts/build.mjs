// Builds the package: ES modules into dist/esm, CommonJS into dist/cjs, declarations beside both. Node then loads the
// main entry as one file per format (the client, its resources and models bundled by esbuild), not one per resource.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// This package's own compiler (its devDependency), never one from a folder above: a parent project's TypeScript 5
// cannot read this tsconfig (TS5095). Its entry point comes from its package.json (TypeScript 7 exports no
// `typescript/bin/tsc` path).
const typescript = join(root, 'node_modules/typescript/package.json');
if (!existsSync(typescript)) {
  console.error('error: this package\'s TypeScript is not installed: run `npm install` in this folder first');
  process.exit(1);
}
const tsc = join(dirname(typescript), JSON.parse(readFileSync(typescript, 'utf8')).bin.tsc);

rmSync(join(root, 'dist'), { recursive: true, force: true });
for (const project of ['tsconfig.build.json', 'tsconfig.cjs.json']) {
  execFileSync(process.execPath, [tsc, '-p', join(root, project)], { stdio: 'inherit' });
}
// dist/cjs holds CommonJS even though the package is "type": "module".
mkdirSync(join(root, 'dist/cjs'), { recursive: true });
writeFileSync(join(root, 'dist/cjs/package.json'), '{ "type": "commonjs" }\n');

// One file for Node's `import 'pkg'` (dist/esm/index.node.js, the "node" condition) and `require('pkg')`
// (dist/cjs/index.js): loading a few hundred resource modules one by one was most of a cold start. The runtime
// (core/, internal/, core-client) stays outside the bundle, one copy shared with the subpath imports, so that
// `instanceof APIError` holds whichever entry a class came from. Bundlers for browsers keep the per-file modules (the
// "import" default), which they shake one resource at a time.
const esbuildPackage = join(root, 'node_modules/esbuild/package.json');
if (existsSync(esbuildPackage)) {
  const { build } = await import(pathToFileURL(join(dirname(esbuildPackage), JSON.parse(readFileSync(esbuildPackage, 'utf8')).main)).href);
  const esm = join(root, 'dist/esm');
  const runtime = /^(core|internal)[\\/]|^core-client\.js$/;
  const keepRuntimeOutside = {
    name: 'keep-runtime-outside',
    setup(b) {
      b.onResolve({ filter: /^\./ }, (args) => {
        const path = relative(esm, join(args.resolveDir, args.path));
        return runtime.test(path) ? { path: `./${path.split(sep).join('/')}`, external: true } : undefined;
      });
    },
  };
  const options = { entryPoints: [join(esm, 'index.js')], bundle: true, platform: 'node', target: 'node20', external: ['openapi-fetch'], sourcemap: true, logLevel: 'warning', plugins: [keepRuntimeOutside] };
  await build({ ...options, format: 'esm', outfile: join(esm, 'index.node.js') });
  await build({ ...options, format: 'cjs', outfile: join(root, 'dist/cjs/index.js'), allowOverwrite: true });
} else {
  console.warn('note: esbuild is not installed: dist/ keeps one file per module (run `npm install` for the bundled entry)');
}

// `const Client = require('pkg'); new Client()`, as with the official SDKs: the CommonJS entry exports the client class
// itself, with every named export (`.default`, `.Client`, the errors, `toFile`...) as a property of it.
const cjsIndex = join(root, 'dist/cjs/index.js');
const [code, sourceMap = ''] = readFileSync(cjsIndex, 'utf8').split(/(?=^\/\/# sourceMappingURL)/m);
writeFileSync(
  cjsIndex,
  `${code}const Client = module.exports.default;
for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(module.exports))) {
  if (key !== 'prototype' && key !== 'name' && key !== 'length') Object.defineProperty(Client, key, { ...descriptor, configurable: true });
}
module.exports = Client;
${sourceMap}`,
);
