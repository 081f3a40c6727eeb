// Builds the package: ES modules into dist/esm, CommonJS into dist/cjs, declarations beside both.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

// `const Client = require('pkg'); new Client()`, as with the official SDKs: the CommonJS entry exports the client class
// itself, with every named export (`.default`, `.Client`, the errors, `toFile`...) as a property of it.
const cjsIndex = join(root, 'dist/cjs/index.js');
const [code, sourceMap = ''] = readFileSync(cjsIndex, 'utf8').split(/(?=^\/\/# sourceMappingURL)/m);
writeFileSync(
  cjsIndex,
  `${code}const Client = exports.default;
for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(exports))) {
  if (key !== 'prototype' && key !== 'name' && key !== 'length') Object.defineProperty(Client, key, { ...descriptor, configurable: true });
}
module.exports = Client;
${sourceMap}`,
);
