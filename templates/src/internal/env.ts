/** Reads an environment variable where there is a `process` (Node, Bun, Deno); `undefined` elsewhere or when blank. */
export function readEnv(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = env?.[name]?.trim();
  return value ? value : undefined;
}
