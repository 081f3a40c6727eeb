import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../core/errors.js';
import { CONFIG_FILES } from '../load/load-config.js';
import type { ParsedArgs } from './args.js';
import type { Io } from './generate-command.js';

/** Where a spec usually is, looked for when `init` is given none. */
const SPEC_GUESSES = [
  'openapi.yaml',
  'openapi.yml',
  'openapi.json',
  'swagger.yaml',
  'swagger.json',
  'spec/openapi.yaml',
  'spec/openapi.json',
  'api/openapi.yaml',
  'docs/openapi.yaml',
];

/** The JSON Schema as installed with this package (generator/dist/ and generator/cli/ sit at the same depth). */
const SCHEMA_FILE = fileURLToPath(new URL('../sdkgen.config.schema.json', import.meta.url));

const SCRIPT = 'sdkgen generate';

/** `sdkgen init`: a commented config in `cwd`, and a `generate` script in its package.json when it has none. */
export async function runInit(args: ParsedArgs, cwd: string, io: Io): Promise<number> {
  const existing = CONFIG_FILES.find((name) => existsSync(join(cwd, name)));
  if (existing && !args.values['force'])
    throw new InputError({ file: existing }, 'already exists (`sdkgen init --force` replaces it)');
  const spec = args.positionals[0] ?? SPEC_GUESSES.find((name) => existsSync(join(cwd, name)));
  const output = (args.values['output'] as string | undefined) ?? 'generated';
  const script = await addScript(cwd, io);
  const schema = relative(cwd, SCHEMA_FILE).split(sep).join('/');
  const schemaRef = schema.startsWith('.') ? schema : `./${schema}`;
  const text = `# yaml-language-server: $schema=${schemaRef}
# The sdkgen config: what your OpenAPI spec cannot tell the SDK generator. Every setting is optional.
# Paths are relative to this file. \`npx sdkgen generate --help\` lists the command-line flags.
$schema: ${JSON.stringify(schemaRef)}

# The OpenAPI 3.0/3.1 or Swagger 2.0 document: a file, or an http(s) URL.
input: ${JSON.stringify(spec ?? 'openapi.yaml')}
# The folder the SDK package is written to. Everything in it but node_modules/ and dist/ is generated.
output: ${JSON.stringify(output)}
# What the banner of every generated file tells readers to run.
regenerateCommand: ${JSON.stringify(script ? 'npm run generate' : 'npx sdkgen generate')}

# Names inferred from the spec's info.title unless set here:
# clientName: Acme              # the client class: new Acme()
# envPrefix: ACME               # ACME_API_KEY, ACME_BASE_URL
# baseURL: https://api.acme.com # default: the spec's first server

# The generated package.json (default: from the spec's info):
# package:
#   name: acme
#   version: 0.1.0
#   description: TypeScript client for the Acme API
#   license: MIT
#   author: Acme <sdk@acme.com>
#   repository: https://github.com/acme/acme-node
#   homepage: https://docs.acme.com

# How words are written in type names: OAuthClient, not OauthClient.
# casing:
#   oauth: OAuth

# The header that carries idempotency keys on non-GET requests.
# idempotencyHeader: Idempotency-Key

# Where inference from the path cannot know an operation's name, by operationId or "<method> <path>":
# operations:
#   GetWidgetJwks:
#     resource: widgets
#     method: retrieveJwks
`;
  await writeFile(join(cwd, 'sdkgen.config.yaml'), text);
  io.stdout.write(`wrote sdkgen.config.yaml (input: ${spec ?? 'openapi.yaml'}, output: ${output})\n`);
  if (!spec)
    io.stderr.write(
      'note: no spec found here (openapi.yaml, spec/openapi.yaml, ...): set "input" in sdkgen.config.yaml\n',
    );
  io.stdout.write(`next: ${script ? 'npm run generate' : 'npx sdkgen generate'}\n`);
  return 0;
}

/** Adds `"generate": "sdkgen generate"` to package.json's scripts; false when there is no package.json or another script has the name. */
async function addScript(cwd: string, io: Io): Promise<boolean> {
  const file = join(cwd, 'package.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    io.stderr.write('note: no package.json here, so no "generate" script was added\n');
    return false;
  }
  let manifest: { scripts?: Record<string, string> };
  try {
    manifest = JSON.parse(text) as typeof manifest;
  } catch (error) {
    throw new InputError({ file: 'package.json' }, `is not valid JSON: ${(error as Error).message}`);
  }
  const current = manifest.scripts?.['generate'];
  if (current === SCRIPT) return true;
  if (current !== undefined) {
    io.stderr.write(`note: package.json already has a "generate" script (${current}); left as it is\n`);
    return false;
  }
  manifest.scripts = { ...manifest.scripts, generate: SCRIPT };
  // Keep the file's own indentation and final newline.
  const indent = /^[ \t]+(?=")/m.exec(text)?.[0] ?? '  ';
  await writeFile(file, `${JSON.stringify(manifest, null, indent)}${text.endsWith('\n') ? '\n' : ''}`);
  io.stdout.write('added "generate": "sdkgen generate" to package.json scripts\n');
  return true;
}
