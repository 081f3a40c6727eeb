import { htmlText, markdownCode, markdownInline } from '../core/escape.js';
import { allResources } from '../model/build-model.js';
import type { Method, SdkModel } from '../model/types.js';
import { mcpTools } from './mcp.js';
import { mcpBinName } from './package-files.js';
import { paramsArgumentName } from './resources.js';
import type { OutputFile } from './source.js';
import { webhooksApiMd } from './webhooks.js';

/** `api.md`: every method with its verb and path, and every exported type. A review aid: it changes when the surface does. */
export function emitApiMd(model: SdkModel): OutputFile {
  const lines = [`# ${model.clientName}`, '', `Generated from ${markdownCode(model.specFile)}.`, ''];
  for (const resource of allResources(model.resources)) {
    lines.push(`## ${markdownInline(resource.chain.join('.'))}`, '');
    const types = resource.methods
      .flatMap((method) => [method.paramsTypeName, method.responseTypeName, method.itemTypeName, method.pageTypeName])
      .filter((name): name is string => !!name);
    if (types.length > 0)
      lines.push(
        'Types:',
        '',
        ...types.map(
          (name) =>
            `- <code><a href="./src/resources/${htmlText(resource.modulePath)}.ts">${htmlText(name)}</a></code>`,
        ),
        '',
      );
    if (resource.methods.length > 0) {
      lines.push('Methods:', '');
      for (const method of resource.methods)
        lines.push(
          `- <code title="${method.httpMethod} ${htmlText(method.path)}${method.splitContentType !== undefined ? `?content-type=${htmlText(method.splitContentType)}` : ''}">client.${htmlText(resource.chain.join('.'))}.<a href="./src/resources/${htmlText(resource.modulePath)}.ts">${htmlText(method.name)}</a>(${htmlText(signature(method))}) -> ${htmlText(method.pageTypeName ?? method.responseTypeName ?? 'void')}</code>${method.deprecated ? ' (deprecated)' : ''}`,
        );
      lines.push('');
    }
  }
  lines.push(...webhooksApiMd(model));
  const { tools } = mcpTools(model);
  if (tools.length > 0)
    lines.push(
      '## MCP server',
      '',
      `\`${mcpBinName(model.packageName)}\` (\`${model.packageName}/mcp\`) offers ${tools.length} tools, one per method that takes JSON, or 3 with \`--tools=dynamic\`.`,
      '',
    );
  if (model.models.length > 0) {
    lines.push(
      '## Models',
      '',
      ...model.models.map((named) => `- <code><a href="./src/models.ts">${htmlText(named.typeName)}</a></code>`),
      '',
    );
  }
  return { path: 'api.md', text: lines.join('\n') };
}

function signature(method: Method): string {
  const args = method.positionalPathParams.map((param) => param.variable);
  if (method.body?.positional) args.push(`body${method.body.required ? '' : '?'}`);
  if (method.paramsTypeName) args.push(`${paramsArgumentName(method)}${method.paramsRequired ? '' : '?'}`);
  return args.join(', ');
}
