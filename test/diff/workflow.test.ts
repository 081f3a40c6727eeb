// The pull-request workflow, run as a script: its `run` steps in order, in a scratch repository with a spec change.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));

interface Step {
  id?: string;
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
}

interface Workflow {
  on: unknown;
  permissions?: Record<string, string>;
  jobs: Record<string, { permissions?: unknown; steps: Step[] }>;
}

let repo: string;
let steps: Step[];
let workflow: Workflow;

async function git(...args: string[]): Promise<void> {
  await run('git', args, {
    cwd: repo,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@t',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@t',
    },
  });
}

/** Runs one workflow step's script as Actions would (bash -e), with the PR's environment. */
async function runStep(id: string, summary: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const step = steps.find((candidate) => candidate.id === id)!;
  return new Promise((resolve) => {
    execFile(
      'bash',
      ['-e', '-c', step.run!],
      { cwd: repo, env: { ...process.env, GITHUB_BASE_REF: 'main', GITHUB_STEP_SUMMARY: summary } },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  workflow = parse(await readFile(join(root, '.github/workflows/sdk-review.yml'), 'utf8')) as Workflow;
  steps = workflow.jobs['review']!.steps;
  repo = await mkdtemp(join(tmpdir(), 'workflow-'));
  for (const path of ['package.json', 'tsconfig.json', 'spec', 'generator', 'templates', 'generated']) {
    await cp(join(root, path), join(repo, path), {
      recursive: true,
      filter: (source) => !/[/\\](node_modules|dist)([/\\]|$)/.test(source),
    });
  }
  await symlink(join(root, 'node_modules'), join(repo, 'node_modules'), 'dir');
  await writeFile(join(repo, '.gitignore'), 'node_modules\nsdk-report.md\n');
  await git('init', '-q', '-b', 'main');
  await git('add', '-A');
  await git('commit', '-q', '-m', 'base');
  await git('update-ref', 'refs/remotes/origin/main', 'HEAD');
  await git('checkout', '-q', '-b', 'pr');
}, 60_000);

afterAll(async () => {
  if (repo) await rm(repo, { recursive: true, force: true });
});

describe('the SDK review workflow', () => {
  test('it installs, checks generated/ and reports, in that order, holding no write access and no credentials', async () => {
    expect(steps.filter((step) => step.id).map((step) => step.id)).toEqual(['install', 'check', 'report', 'upload']);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs['review']!.permissions).toBeUndefined();
    expect(JSON.stringify(workflow)).not.toContain('secrets.');
    expect(steps[0]).toMatchObject({ uses: 'actions/checkout@v4', with: { 'persist-credentials': false } });
  });

  test('the report is posted by a workflow that runs nothing from the pull request', async () => {
    const comment = parse(await readFile(join(root, '.github/workflows/sdk-review-comment.yml'), 'utf8')) as Workflow;
    expect(comment.on).toEqual({ workflow_run: { workflows: ['SDK review'], types: ['completed'] } });
    const commentSteps = comment.jobs['comment']!.steps;
    expect(commentSteps.map((step) => step.uses ?? step.id)).toEqual(['actions/download-artifact@v4', 'comment']);
    expect(commentSteps.find((step) => step.id === 'comment')!.run).toContain('--body-file sdk-report.md');
    for (const step of commentSteps) expect(step.run ?? '').not.toMatch(/\b(npm|npx|node|git checkout)\b/);
  });

  test('a PR that removes an endpoint and regenerates: the check passes, the report names the breaking change', async () => {
    const spec = join(repo, 'spec/openapi.yaml');
    const text = await readFile(spec, 'utf8');
    // Remove DELETE /oauth_clients/{id}: the block from "    delete:" up to the next method under that path.
    const start = text.indexOf('  /oauth_clients/{id}:\n    delete:');
    const end = text.indexOf('    get:', start);
    await writeFile(spec, text.slice(0, start) + '  /oauth_clients/{id}:\n' + text.slice(end));
    await run(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'generator/cli/main.ts'], { cwd: repo });
    await git('commit', '-q', '-am', 'remove DELETE /oauth_clients/{id}');

    const summary = join(repo, 'summary.md');
    const check = await runStep('check', summary);
    // The config it found is named (a found config is code that runs), and nothing else is said.
    expect(check.stderr).toBe('using config spec/sdk.config.yaml\n');
    expect(check.code).toBe(0);
    const report = await runStep('report', summary);
    expect(report.code).toBe(0);
    const markdown = await readFile(join(repo, 'sdk-report.md'), 'utf8');
    expect(markdown).toContain('Semver: **major** (1 breaking');
    expect(markdown).toContain('- `oauthClients.delete` (DELETE /oauth_clients/{id}) removed');
    expect(await readFile(summary, 'utf8')).toBe(markdown);
  }, 120_000);

  test('a PR that edits the spec but not generated/: the check step fails and names the stale files', async () => {
    const spec = join(repo, 'spec/openapi.yaml');
    await writeFile(
      spec,
      (await readFile(spec, 'utf8')).replace('summary: List OAuth clients', 'summary: List every OAuth client'),
    );
    const check = await runStep('check', join(repo, 'summary.md'));
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('generated is out of date with spec/openapi.yaml');
    expect(check.stderr).toContain('differs: src/resources/oauth-clients.ts');
  }, 120_000);
});
