// What the package says of itself (package.json metadata) and the server it talks to by default, from the spec's info
// and servers and the config.
import type { SdkConfig } from '../load/load-config.js';
import type { OpenAPIDocument } from '../load/load-spec.js';
import type { PackageMeta } from './types.js';

/** license, author, repository, homepage: the config's, else what the spec's info says (`UNLICENSED` without either). */
export function packageMeta(document: OpenAPIDocument, config: SdkConfig): PackageMeta {
  const info = document.info as OpenAPIDocument['info'] & {
    license?: { name?: unknown; identifier?: unknown };
    contact?: { name?: unknown; email?: unknown; url?: unknown };
  };
  const text = (value: unknown): string | undefined =>
    typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  const contact = info.contact ?? {};
  const email = text(contact.email);
  const contactAuthor = text(contact.name) ? `${text(contact.name)}${email ? ` <${email}>` : ''}` : email;
  const docs = (document['externalDocs'] as { url?: unknown } | undefined)?.url;
  // An SPDX id is one token (MIT, Apache-2.0); a license name with spaces is not one, so the package says UNLICENSED.
  const spdx = text(info.license?.identifier) ?? text(info.license?.name);
  const author = config.package?.author ?? contactAuthor;
  const repository = config.package?.repository;
  const homepage =
    config.package?.homepage ??
    [text(docs), text(contact.url)].find((url) => url !== undefined && /^https?:\/\//.test(url));
  return {
    license: config.package?.license ?? (spdx && /^[A-Za-z0-9.+-]+$/.test(spdx) ? spdx : 'UNLICENSED'),
    ...(author !== undefined && { author }),
    ...(repository !== undefined && { repository }),
    ...(homepage !== undefined && { homepage }),
  };
}

/** A server's URL with each `{variable}` replaced by its default (by its name where it has none). */
export function withServerVariables(server: NonNullable<OpenAPIDocument['servers']>[number]): string {
  return server.url.replace(/\{([^}]+)\}/g, (_, name: string) => server.variables?.[name]?.default ?? name);
}

/** The first server's URL, its variables at their defaults; a warning where the client will need a baseURL. */
export function serverURL(document: OpenAPIDocument, warnings: string[]): string {
  const server = document.servers?.[0];
  if (!server) {
    warnings.push('the spec has no servers; the client needs a baseURL option');
    return 'http://localhost';
  }
  const url = withServerVariables(server);
  if (!/^https?:\/\//.test(url)) {
    warnings.push(`the first server "${server.url}" is relative; the client needs a baseURL option`);
    return `http://localhost${url.startsWith('/') ? '' : '/'}${url}`.replace(/\/+$/, '');
  }
  return url.replace(/\/+$/, '');
}
