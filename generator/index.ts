// The package's importable API: `defineConfig` for sdkgen.config.ts, and the generator itself for scripts and tests.
export { defineConfig, findConfig, loadConfig, type OperationOverride, type SdkConfig } from './load/load-config.js';
export { generate, type GenerateOptions, type GenerateResult } from './generate.js';
export { diffOutput, writeOutput, type OutputDiff } from './write/write-output.js';
