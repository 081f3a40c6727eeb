// No silent surprises (#21 item 8): a found config used with another spec says so, and generating over another
// package's folder needs --force.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseArgs } from '../../generator/cli/args.js';
import { COMMANDS } from '../../generator/cli/commands.js';
import { makePlan } from '../../generator/cli/generate-command.js';
import { writeOutput } from '../../generator/write/write-output.js';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'no-surprises-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('a spec on the command line beside a found config', () => {
  test('the run says which config it uses when the spec is not its input; not when it is, or when the config is named', async () => {
    const project = join(work, 'project');
    await mkdir(join(project, '.git'), { recursive: true });
    await writeFile(join(project, 'sdkgen.config.yaml'), 'input: openapi.yaml\nclientName: Acme\n');
    const plan = (...argv: string[]) => makePlan(parseArgs(COMMANDS['generate']!, argv), project);
    expect((await plan('other.yaml')).notice).toBe(
      'note: using the config sdkgen.config.yaml, whose input is openapi.yaml; pass --no-config to generate without it',
    );
    expect((await plan('openapi.yaml')).notice).toBeUndefined();
    expect((await plan()).notice).toBeUndefined();
    expect((await plan('other.yaml', '--config', 'sdkgen.config.yaml')).notice).toBeUndefined();
    expect((await plan('other.yaml', '--no-config')).notice).toBeUndefined();
  });
});

describe('writing over another package', () => {
  const files = (name: string) => [
    { path: 'package.json', text: `${JSON.stringify({ name, version: '1.0.0' })}\n` },
    { path: 'src/index.ts', text: `export const name = ${JSON.stringify(name)};\n` },
  ];

  test('a folder whose package.json names another package is refused without --force, and replaced with it', async () => {
    const out = join(work, 'sdk');
    await writeOutput(out, files('acme-sdk'), { display: 'sdk' });
    // The same package again is an ordinary regeneration.
    await writeOutput(
      out,
      files('acme-sdk').map((file) => (file.path === 'src/index.ts' ? { ...file, text: `${file.text}// v2\n` } : file)),
      { display: 'sdk' },
    );
    await expect(writeOutput(out, files('other-sdk'), { display: 'sdk' })).rejects.toThrow(
      'holds the package "acme-sdk"; writing "other-sdk" over it would replace it: choose another folder, or pass --force',
    );
    expect(JSON.parse(await readFile(join(out, 'package.json'), 'utf8')).name).toBe('acme-sdk');
    await writeOutput(out, files('other-sdk'), { display: 'sdk', force: true });
    expect(JSON.parse(await readFile(join(out, 'package.json'), 'utf8')).name).toBe('other-sdk');
  });
});
