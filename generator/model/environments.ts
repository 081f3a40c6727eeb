// The API's environments, the official SDKs' `environment` option: the spec's servers by name, where it has two or more.
import type { OpenAPIDocument } from '../load/load-spec.js';
import { withServerVariables } from './package-meta.js';

/** One server of the spec, by the name the `environment` option takes. */
export interface Environment {
  name: string;
  url: string;
}

/** Words a server's description uses for what every server is (`Production server` names `production`). */
const GENERIC_WORDS = new Set([
  'server',
  'servers',
  'environment',
  'env',
  'api',
  'url',
  'endpoint',
  'base',
  'the',
  'host',
]);

/**
 * The environments of a spec with two or more absolute servers: each named by its description where that is a short
 * name (`Sandbox`, `Production server`, `EU region`), else as the official SDKs name unnamed ones (`production` for
 * the first, `environment_1`, `environment_2` for the rest). The first is the default. None for one server.
 */
export function readEnvironments(document: OpenAPIDocument): Environment[] {
  const seen = new Set<string>();
  const servers: Array<{ url: string; description?: string }> = [];
  for (const server of document.servers ?? []) {
    const url = withServerVariables(server).replace(/\/+$/, '');
    if (!/^https?:\/\/[^/]/.test(url) || seen.has(url)) continue;
    seen.add(url);
    servers.push({ url, ...(typeof server.description === 'string' && { description: server.description }) });
  }
  if (servers.length < 2) return [];
  const described = servers.map((server) => nameOf(server.description));
  const names = new Set<string>();
  return servers.map((server, index) => {
    const wanted = described[index];
    // A name two servers' descriptions share is no name: both fall back.
    const unique = wanted !== undefined && described.filter((name) => name === wanted).length === 1;
    let name = unique ? wanted : index === 0 ? 'production' : `environment_${index}`;
    for (let n = 2; names.has(name); n++) name = `${unique ? wanted : 'environment'}_${n}`;
    names.add(name);
    return { name, url: server.url };
  });
}

/** `Sandbox server` -> `sandbox`, `EU (Frankfurt)` -> `eu_frankfurt`; a long sentence names nothing. */
function nameOf(description: string | undefined): string | undefined {
  if (description === undefined) return undefined;
  const words = description
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '' && !GENERIC_WORDS.has(word));
  if (words.length === 0 || words.length > 3) return undefined;
  const name = words.join('_');
  return /^[a-z][a-z0-9_]{0,30}$/.test(name) ? name : undefined;
}
