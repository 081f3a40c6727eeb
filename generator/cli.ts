import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { prestartSchemaTypes } from './emit/schema-types.js';

// openapi-typescript takes a second to load: its worker starts now, while the rest of the generator loads.
prestartSchemaTypes();
const { runCommand } = await import('./errors.js');
const { generate } = await import('./generate.js');
const { checkOutputFolder, diffOutput, writeOutput } = await import('./write/write-output.js');

const USAGE = `Usage: npm run generate -- [--spec <file>] [--out <dir>] [--config <file>] [--surface <api.md>] [--check] [--force] [--allow-refs <dir|url>]...

  --spec    OpenAPI 3.0/3.1 document, YAML or JSON   (default: spec/openapi.yaml)
  --out     folder to write the SDK package to         (default: generated)
  --config  SDK config file                            (default: spec/sdk.config.yaml when --spec is not given)
  --surface an existing SDK's Stainless api.md: keep its resource, method and type names (or \`surface:\` in the config)
  --check   write nothing; exit 1 if the folder differs from what the spec gives
  --allow-refs  a folder or http(s) URL prefix $refs may read besides the spec's folder (repeatable)
  --force   write into a folder the generator did not make (no .sdkgen-manifest.json): the SDK's files are
            overwritten, nothing is deleted`;

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        spec: { type: 'string' },
        out: { type: 'string' },
        config: { type: 'string' },
        surface: { type: 'string' },
        check: { type: 'boolean', default: false },
        'allow-refs': { type: 'string', multiple: true },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const spec = values.spec ?? 'spec/openapi.yaml';
  const config = values.config ?? (values.spec === undefined ? 'spec/sdk.config.yaml' : undefined);
  const out = resolve(values.out ?? 'generated');

  // A folder that is not ours is refused before the work of generating.
  if (!values.check) await checkOutputFolder(out, { force: values.force, display: values.out ?? 'generated' });
  const onProgress = statusLine(process.stderr);
  const { model, files } = await generate({ spec, config, surface: values.surface, onProgress, allowRefs: values['allow-refs'] ?? [] }).finally(() => onProgress && process.stderr.write('\r\x1b[K'));
  for (const warning of model.warnings) process.stderr.write(`warning: ${warning}\n`);

  if (values.check) {
    const diff = await diffOutput(out, files);
    const problems = [...diff.changed.map((path) => `  differs: ${path}`), ...diff.stale.map((path) => `  no longer generated: ${path}`)];
    if (problems.length > 0) {
      process.stderr.write(`${values.out ?? 'generated'} is out of date with ${spec}; run \`npm run generate\`:\n${problems.join('\n')}\n`);
      return 1;
    }
    process.stdout.write(`${values.out ?? 'generated'} is up to date (${files.length} files).\n`);
    return 0;
  }
  const diff = await writeOutput(out, files, { force: values.force, display: values.out ?? 'generated' });
  for (const path of diff.edited) process.stderr.write(`warning: ${path} was edited by hand; overwritten with the generated text\n`);
  for (const path of diff.kept) process.stderr.write(`warning: ${path} is no longer generated but was edited by hand; kept, it is yours now\n`);
  const changes = diff.changed.length + diff.stale.length;
  process.stdout.write(
    changes === 0
      ? `${values.out ?? 'generated'}: up to date, ${files.length} files, nothing written.\n`
      : `${values.out ?? 'generated'}: wrote ${files.length} files (${diff.changed.length} changed, ${diff.stale.length} removed).\n`,
  );
  return 0;
}

/** On a terminal, one line that each phase overwrites; elsewhere (CI logs, pipes) nothing. */
function statusLine(stream: NodeJS.WriteStream): ((phase: string) => void) | undefined {
  if (!stream.isTTY) return undefined;
  return (phase) => stream.write(`\r\x1b[K${phase}...`);
}

runCommand(() => main(process.argv.slice(2)), 1);
