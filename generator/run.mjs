#!/usr/bin/env node
// The `sdkgen` bin. In the published package it runs the prebuilt bundle in generator/dist/ (built at `npm pack`).
// In this repository (the TypeScript sources are beside it) it runs the development bundle in generator/.build/,
// rebuilt by esbuild only when a source changed: plain modules start in a third of the time the sources take through
// tsx. See generator/build.mjs for why concurrent runs, from any folder, never disturb each other.
import { existsSync } from 'node:fs';

if (existsSync(new URL('./cli/main.ts', import.meta.url))) {
  const { devEntry } = await import('./build.mjs');
  await import(await devEntry());
} else {
  await import(new URL('./dist/cli.mjs', import.meta.url).href);
}
