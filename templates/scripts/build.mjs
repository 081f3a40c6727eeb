// Builds the package: ES modules into dist/esm, CommonJS into dist/cjs, declarations beside both. Node then loads the
// main entry as one file per format (the client, its resources and models bundled by esbuild), not one per resource.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// This package's own compiler (its devDependency), never one from a folder above: a parent project's TypeScript 5
// cannot read this tsconfig (TS5095). Its entry point comes from its package.json (TypeScript 7 exports no
// `typescript/bin/tsc` path).
const typescript = join(root, 'node_modules/typescript/package.json');
if (!existsSync(typescript)) {
  console.error("error: this package's TypeScript is not installed: run `npm install` in this folder first");
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
// (dist/cjs/bundle.js behind dist/cjs/index.js): loading a few hundred resource modules one by one was most of a cold
// start. Under Node, `pkg/resources/<name>` is a shim (resources/<name>.node.js) that takes its classes from that bundle,
// so that `Client.OAuthClients === OAuthClients` whichever way it was imported; the runtime (core/, internal/,
// core-client) stays outside the bundle, one copy for every entry. Bundlers for browsers keep the per-file modules (the
// "default" conditions), which they shake one resource at a time.
const esm = join(root, 'dist/esm');
const cjs = join(root, 'dist/cjs');
const resourceFiles = (
  existsSync(join(esm, 'resources')) ? readdirSync(join(esm, 'resources'), { recursive: true }) : []
)
  .map((file) => String(file).split(sep).join('/'))
  .filter((file) => file.endsWith('.js'))
  .sort();
/** The values a resource module exports: its classes (the generator writes nothing else there). */
function exportedNames(file) {
  const code = readFileSync(join(esm, 'resources', file), 'utf8');
  if (/^export\s*(\{|\*|default)/m.test(code))
    throw new Error(`dist/esm/resources/${file}: an export the build cannot re-export by name`);
  return [...code.matchAll(/^export (?:abstract )?(?:class|const|let|var|function\*?|async function) ([\w$]+)/gm)].map(
    (match) => match[1],
  );
}
const resources = resourceFiles.map((file, index) => ({
  file,
  local: `r${index}`,
  key: file.slice(0, -'.js'.length),
  names: exportedNames(file),
}));
const esbuildPackage = join(root, 'node_modules/esbuild/package.json');
const importEsbuild = () =>
  import(pathToFileURL(join(dirname(esbuildPackage), JSON.parse(readFileSync(esbuildPackage, 'utf8')).main)).href);
const { build } = existsSync(esbuildPackage) ? await importEsbuild() : { build: undefined };
if (!build)
  console.warn(
    'note: esbuild is not installed: the Node entry re-exports the per-file modules (run `npm install` to bundle it)',
  );
const entry = [
  "export * from './index.js';",
  "export { default } from './index.js';",
  ...resources.map(({ file, local }) => `import * as ${local} from ${JSON.stringify(`./resources/${file}`)};`),
  // Internal: the resource modules by path, for the shims. Not in the declarations.
  `export const __resources = { ${resources.map(({ key, local }) => `${JSON.stringify(key)}: ${local}`).join(', ')} };`,
].join('\n');
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
const options = {
  stdin: { contents: entry, resolveDir: esm, sourcefile: '<node entry>' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  external: ['openapi-fetch'],
  sourcemap: true,
  logLevel: 'warning',
  plugins: [keepRuntimeOutside],
};
if (build) {
  await build({ ...options, format: 'esm', outfile: join(esm, 'index.node.js') });
  await build({ ...options, format: 'cjs', outfile: join(cjs, 'bundle.js') });
} else {
  writeFileSync(join(esm, 'index.node.js'), `${entry}\n`);
  // tsc's CommonJS index becomes the "bundle" the wrapper and the shims read, the resource modules beside it.
  const tscIndex = readFileSync(join(cjs, 'index.js'), 'utf8').replace(/^\/\/# sourceMappingURL=.*$/m, '');
  const resourceModules = resources.map(
    ({ key, file }) => `${JSON.stringify(key)}: require(${JSON.stringify(`./resources/${file}`)})`,
  );
  writeFileSync(join(cjs, 'bundle.js'), `${tscIndex}exports.__resources = { ${resourceModules.join(', ')} };\n`);
}
for (const { file, key, names } of resources) {
  const up = '../'.repeat(file.split('/').length);
  const shim = file.replace(/\.js$/, '.node.js');
  writeFileSync(
    join(esm, 'resources', shim),
    `import { __resources } from '${up}index.node.js';\nexport const { ${names.join(', ')} } = __resources[${JSON.stringify(key)}];\n`,
  );
  writeFileSync(
    join(cjs, 'resources', shim),
    `module.exports = require('${up}bundle.js').__resources[${JSON.stringify(key)}];\n`,
  );
}

// `const Client = require('pkg'); new Client()`, as with the official SDKs: the CommonJS entry exports the client class
// itself, with every named export (`.default`, `.Client`, the errors, `toFile`...) as a property of it.
const cjsIndex = join(root, 'dist/cjs/index.js');
rmSync(`${cjsIndex}.map`, { force: true });
writeFileSync(
  cjsIndex,
  `const bundle = require('./bundle.js');
const Client = bundle.default;
for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(bundle))) {
  if (key !== 'prototype' && key !== 'name' && key !== 'length' && key !== '__resources') Object.defineProperty(Client, key, { ...descriptor, configurable: true });
}
module.exports = Client;
`,
);
writeCommonJsDeclarations();

/**
 * The declarations of that CommonJS entry: `export =` the client class, so that `import Client = require('pkg')` (a
 * .cts file), `checkJs` and TypeScript's node10 and node16 CommonJS modes see what `require` returns, a constructable
 * class (with `export default` they would see a namespace whose `.default` is the class, which is not what Node gives).
 * tsc's declarations of index.ts list the named exports; each one the client class does not already have (in its
 * namespace, or as a static) is added to its namespace by an augmentation of dist/cjs/client.d.ts, which only
 * CommonJS consumers load. A static (the error classes) keeps its value and gets its instance type beside it, and
 * `default` is the class, as it is at run time.
 */
function writeCommonJsDeclarations() {
  const declarations = join(cjs, 'index.d.ts');
  const text = readFileSync(declarations, 'utf8');
  const client = /^export \{ (\w+) as default\b/m.exec(text)?.[1];
  if (!client) throw new Error('dist/cjs/index.d.ts: no default export of the client class');
  const clientDeclarations = readFileSync(join(cjs, 'client.d.ts'), 'utf8');
  const statics = new Set(
    [...clientDeclarations.matchAll(/^\s+static (?:readonly )?([\w$]+)\b/gm)].map((match) => match[1]),
  );
  const namespaceStart = clientDeclarations.indexOf(`export declare namespace ${client} {`);
  const namespace =
    namespaceStart < 0
      ? ''
      : clientDeclarations.slice(namespaceStart, clientDeclarations.indexOf('\n}', namespaceStart));
  const inNamespace = new Set([...namespace.matchAll(/([\w$]+)\s*(?=[,}\s])/g)].map((match) => match[1]));
  const imports = [`import { ${client} } from './client.js';`];
  const values = [];
  const types = [];
  const aliases = [];
  for (const match of text.matchAll(/^export (type )?\{([^}]*)\} from '([^']+)';/gm)) {
    const [, typeOnly, list, from] = match;
    const specifiers = [];
    for (const part of list
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean)) {
      const [, partType, local, exported = local] = /^(type )?([\w$]+)(?: as ([\w$]+))?$/.exec(part) ?? [];
      if (!local || exported === 'default' || exported === client || inNamespace.has(exported)) continue;
      const isType = Boolean(typeOnly || partType);
      if (statics.has(exported)) {
        // The class's static already holds the value; its instance type goes beside it under the same name.
        const module = readFileSync(join(cjs, `${from.replace(/\.js$/, '')}.d.ts`), 'utf8');
        const declaration = new RegExp(
          `^export declare (?:abstract )?class ${local.replace(/\$/g, '\\$')}\\b(<)?`,
          'm',
        ).exec(module);
        if (!declaration) continue;
        specifiers.push(`${local} as $${exported}`);
        aliases.push(
          `export type ${exported} = ${declaration[1] ? `InstanceType<typeof $${exported}>` : `$${exported}`};`,
        );
        continue;
      }
      specifiers.push(local === exported ? local : `${local} as ${exported}`);
      (isType ? types : values).push(exported);
    }
    if (specifiers.length > 0)
      imports.push(`import ${typeOnly ? 'type ' : ''}{ ${specifiers.join(', ')} } from '${from}';`);
  }
  const members = [
    // What `require('pkg').default` is at run time (the entry copies every named export onto the class, `default`
    // among them): the class itself. A namespace cannot declare a member named `default`, but it can re-export the
    // class under that name, which both compilers accept in declarations; `import X from 'pkg'` without
    // esModuleInterop (node10) then resolves to it too, as the compiled `pkg_1.default` finds it.
    `export { ${client} as default };`,
    ...(values.length > 0 ? [`export { ${values.join(', ')} };`] : []),
    ...(types.length > 0 ? [`export type { ${types.join(', ')} };`] : []),
    ...aliases,
  ];
  writeFileSync(
    declarations,
    `${imports.join('\n')}\ndeclare module './client.js' {\n  namespace ${client} {\n${members.map((line) => `    ${line}`).join('\n')}\n  }\n}\nexport = ${client};\n`,
  );
}
