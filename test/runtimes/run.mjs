// Runs the scenario in whatever runtime executes this file: `<runtime> run.mjs <sdk entry URL or path> <base URL>`.
import { runScenario } from './scenario.mjs';

const [entry, baseURL] = globalThis.Deno ? Deno.args : process.argv.slice(2);
const sdk = await import(entry);
console.log(JSON.stringify(await runScenario(sdk, baseURL)));
