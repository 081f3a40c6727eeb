// The package's importable API: `defineConfig` for sdkgen.config.ts, and the generator itself for scripts and tests.

export { type GenerateOptions, type GenerateResult, generate } from './generate.js';
export { defineConfig, findConfig, loadConfig, type OperationOverride, type SdkConfig } from './load/load-config.js';
export { diffOutput, type OutputDiff, writeOutput } from './write/write-output.js';
