// scratch: sequential retrieve, interleaved, many rounds (not committed)
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
const root = '/work/wt-bundle/';
const server = spawn(process.execPath, [root + 'bench/runtime-server.mjs'], { stdio: ['ignore', 'pipe', 'inherit'] });
const baseURL = await new Promise<string>((resolve) => server.stdout!.once('data', (c: Buffer) => resolve(c.toString().trim())));
const headers = { authorization: 'Bearer bench-key', 'content-type': 'application/json', accept: 'application/json' };
const { Telnyx } = await import(root + 'generated/src/index.ts');
const ours = new Telnyx({ apiKey: 'bench-key', baseURL, maxRetries: 0 });
const Official = createRequire(root + 'bench/package.json')('telnyx');
const theirs = new (Official.default ?? Official)({ apiKey: 'bench-key', baseURL, maxRetries: 0 });
const list: Record<string, (id: string) => Promise<unknown>> = {
  raw: async (id) => { const r = await fetch(`${baseURL}/oauth_clients/${encodeURIComponent(id)}`, { headers }); return r.json(); },
  ours: (id) => ours.oauthClients.retrieve(id),
  official: (id) => theirs.oauthClients.retrieve(id),
};
const only = process.env.ONLY;
const N = Number(process.env.N ?? 1000), ROUNDS = Number(process.env.R ?? 7);
const res: Record<string, number[]> = {};
for (const [n, f] of Object.entries(list)) for (let i = 0; i < 300; i++) await f('w' + i);
for (let r = 0; r < ROUNDS; r++) for (const [n, f] of Object.entries(list)) {
  if (only && n !== only) continue;
  const c = process.cpuUsage(); const t = performance.now(); for (let i = 0; i < N; i++) await f('id-' + i); const u = process.cpuUsage(c); (res[n] ??= []).push((performance.now() - t) / N); (res[n + ' cpu µs'] ??= []).push((u.user + u.system) / N / 1000);
}
for (const [n, v] of Object.entries(res)) console.log(n, v.sort((a, b) => a - b).map((x) => x.toFixed(3)).join(' '), 'median', v[Math.floor(v.length / 2)]!.toFixed(3));
server.kill();
