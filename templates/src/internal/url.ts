/**
 * Chooses the base URL of one operation.
 *
 * Specs may give an operation its own server (`/.well-known/...` at `https://api.example.com` while the API lives at
 * `https://api.example.com/v2`). When the client's base URL is the default, that server is used as is. When the caller
 * pointed the client elsewhere (staging, a local mock), the operation follows: the default server's path is swapped for
 * the operation server's path on the caller's origin, so `http://localhost:4010/v2` becomes `http://localhost:4010`.
 */
export function operationBaseURL(clientBaseURL: string, defaultServer: string, operationServer?: string): string {
  if (!operationServer) return clientBaseURL;
  const client = trimSlash(clientBaseURL);
  const fallback = trimSlash(defaultServer);
  const target = trimSlash(operationServer);
  if (client === fallback) return target;
  const defaultPath = pathOf(fallback);
  const targetPath = pathOf(target);
  const prefix = defaultPath && client.endsWith(defaultPath) ? client.slice(0, -defaultPath.length) : client;
  // Only rebase when the operation server shares the default server's origin; a foreign host is used as given.
  if (originOf(fallback) !== originOf(target)) return target;
  return trimSlash(prefix + targetPath);
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function pathOf(url: string): string {
  try {
    return trimSlash(new URL(url).pathname);
  } catch {
    return '';
  }
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/**
 * Moves a URL under the spec's default server (an OAuth `tokenUrl`) to the client's base URL, so staging and local
 * test servers get the token from themselves. URLs elsewhere are kept.
 */
export function rebaseURL(url: string, defaultServer: string, clientBaseURL: string): string {
  const fallback = trimSlash(defaultServer);
  const client = trimSlash(clientBaseURL);
  if (client === fallback || !url.startsWith(fallback)) return url;
  return client + url.slice(fallback.length);
}
