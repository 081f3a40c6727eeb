import type { CommandSpec, Flag } from './args.js';

const help: Flag = { type: 'boolean', short: 'h', description: 'show this help' };

/** Where the spec, config and output come from: shared by generate and check. */
const inputFlags: Record<string, Flag> = {
  input: {
    type: 'string',
    short: 'i',
    aliases: ['spec'],
    value: '<file|url|->',
    description:
      "OpenAPI 3.0/3.1 or Swagger 2.0 document: a file, an http(s) URL, or - for stdin (default: the config's input)",
  },
  output: {
    type: 'string',
    short: 'o',
    aliases: ['out'],
    value: '<dir>',
    description: "folder the SDK package goes to (default: the config's output, else ./generated)",
  },
  config: {
    type: 'string',
    short: 'c',
    value: '<file>',
    description:
      'config file (default: sdkgen.config.{ts,yaml,yml,json} or spec/sdk.config.yaml, here or in a folder above)',
  },
  'no-config': { type: 'boolean', description: 'use no config file: every name comes from the spec' },
  'allow-refs': {
    type: 'list',
    value: '<dir|url,...>',
    description: "folders or URL prefixes, besides the spec's own folder, that $refs may point into",
  },
  surface: {
    type: 'string',
    value: '<api.md>',
    description:
      "an existing SDK's Stainless api.md: keep its resource, method and type names (or `surface:` in the config)",
  },
};

const CONFIG_NOTE = `Relative paths on the command line are relative to the working directory; in the config, to the config file.`;

export const COMMANDS: Record<string, CommandSpec> = {
  generate: {
    name: 'generate',
    summary: 'Generates the SDK package from the spec; writes nothing when it is already up to date.',
    synopsis: 'generate [spec] [options]',
    positionals: 1,
    flags: {
      ...inputFlags,
      watch: {
        type: 'boolean',
        short: 'w',
        description:
          "regenerate whenever a file in the spec's folder (or its subfolders, node_modules aside) or the config changes",
      },
      force: { type: 'boolean', description: 'write even over an output folder that does not look generated' },
      check: { type: 'boolean', description: 'the same as `sdkgen check`' },
      help,
    },
    notes: CONFIG_NOTE,
  },
  check: {
    name: 'check',
    summary: 'Writes nothing; exits 1 when the output folder differs from what the spec gives (for CI).',
    synopsis: 'check [spec] [options]',
    positionals: 1,
    flags: { ...inputFlags, help },
    notes: CONFIG_NOTE,
  },
  diff: {
    name: 'diff',
    summary: 'Compares two versions of the spec as SDK users see them: breaking changes, additions, a semver verdict.',
    synopsis: 'diff --base <git-ref|file> [--head <git-ref|file>] [options]',
    positionals: 0,
    flags: {
      base: {
        type: 'string',
        value: '<ref|file>',
        description: 'the spec before: a git ref (reads the spec and config at that commit) or a file',
      },
      head: {
        type: 'string',
        value: '<ref|file>',
        description: "the spec after (default: the config's input in the working tree, else spec/openapi.yaml)",
      },
      config: {
        type: 'string',
        short: 'c',
        value: '<file>',
        description: 'config for file inputs (git refs use their own)',
      },
      json: { type: 'boolean', description: 'print JSON instead of Markdown' },
      'fail-on': { type: 'string', value: 'breaking', description: "exit 1 when a change breaks users' code" },
      'allow-refs': inputFlags['allow-refs']!,
      help,
    },
  },
  webhooks: {
    name: 'webhooks',
    summary: "trigger: signs the spec's example of each webhook event (or one) and posts it to your handler.",
    synopsis: 'webhooks trigger [event] --url <url> [options]',
    positionals: 2,
    flags: {
      url: {
        type: 'string',
        value: '<url>',
        description: 'where to post the events: your handler, e.g. http://127.0.0.1:3000/webhooks',
      },
      key: {
        type: 'string',
        value: '<file>',
        description:
          'sign with this key: an Ed25519 private key (PEM), or the HMAC secret; default: one made for this run, printed once',
      },
      input: inputFlags['input']!,
      config: inputFlags['config']!,
      'no-config': inputFlags['no-config']!,
      'allow-refs': inputFlags['allow-refs']!,
      help,
    },
    notes:
      'The event is named by its key in the spec (callAnswered), its type (CallAnsweredWebhookEvent) or its type value (call.answered).',
  },
  init: {
    name: 'init',
    summary: 'Writes a commented sdkgen.config.yaml here and a "generate" script into package.json.',
    synopsis: 'init [spec] [options]',
    positionals: 1,
    flags: {
      output: {
        type: 'string',
        short: 'o',
        value: '<dir>',
        description: 'the output folder to write into the config (default: generated)',
      },
      force: { type: 'boolean', description: 'replace an existing config file' },
      help,
    },
  },
};

export const GLOBAL_HELP = `Usage: sdkgen <command> [options]

Generates a TypeScript SDK package from an OpenAPI document.

Commands:
${Object.values(COMMANDS)
  .map((command) => `  ${command.name.padEnd(9)} ${command.summary}`)
  .join('\n')}

Options:
  -h, --help     show help (also \`sdkgen <command> --help\`)
  -v, --version  show the version

Without a command, sdkgen runs generate. Start with \`npx sdkgen init\`, then \`npx sdkgen generate\`.
`;
