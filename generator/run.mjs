#!/usr/bin/env node
// The `sdkgen` bin. In the published package it runs the prebuilt bundle in generator/dist/ (built at `npm pack`).
// In this repository (the TypeScript sources are beside it) it first rebundles them with esbuild, rewriting only
// files that changed: plain modules start in a third of the time the sources take through tsx. The bundle sits at
// the same depth as the sources' subfolders (generator/dist/), so paths they compute from `import.meta.url`
// (templates/, the worker script, the config schema) hold for both.
import { existsSync } from 'node:fs';

if (existsSync(new URL('./cli.ts', import.meta.url))) {
  const { bundle } = await import('./build.mjs');
  await bundle();
}
await import(new URL('./dist/cli.mjs', import.meta.url).href);
