/** The SDK and platform headers sent with every request, as the official SDKs send them (read once per process). */
export function platformHeaders(packageName: string, packageVersion: string): Record<string, string> {
  const proc = (
    globalThis as {
      process?: { platform?: string; arch?: string; version?: string; versions?: Record<string, string> };
    }
  ).process;
  const deno = (globalThis as { Deno?: { version?: { deno?: string }; build?: { os?: string; arch?: string } } }).Deno;
  const isNode = !!proc?.versions?.['node'] && !deno;
  const runtime = deno
    ? 'deno'
    : proc?.versions?.['bun']
      ? 'bun'
      : isNode
        ? 'node'
        : typeof navigator !== 'undefined'
          ? 'browser'
          : 'unknown';
  const runtimeVersion =
    deno?.version?.deno ?? proc?.versions?.['bun'] ?? (isNode ? proc?.version : undefined) ?? 'unknown';
  return {
    'user-agent': `${packageName}/JS ${packageVersion}`,
    'x-sdk-lang': 'js',
    'x-sdk-package-version': packageVersion,
    'x-sdk-os': normaliseOS(deno?.build?.os ?? proc?.platform),
    'x-sdk-arch': normaliseArch(deno?.build?.arch ?? proc?.arch),
    'x-sdk-runtime': runtime,
    'x-sdk-runtime-version': runtimeVersion,
  };
}

function normaliseOS(os: string | undefined): string {
  switch (os) {
    case 'darwin':
      return 'MacOS';
    case 'win32':
    case 'windows':
      return 'Windows';
    case 'linux':
      return 'Linux';
    case 'freebsd':
      return 'FreeBSD';
    case undefined:
      return 'Unknown';
    default:
      return `Other:${os}`;
  }
}

function normaliseArch(arch: string | undefined): string {
  if (arch === 'x64' || arch === 'x86_64') return 'x64';
  if (arch === 'arm64' || arch === 'aarch64') return 'arm64';
  if (arch === 'ia32' || arch === 'x86') return 'x32';
  return arch ? `other:${arch}` : 'unknown';
}
