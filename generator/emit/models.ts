import type { TypeAliasDeclarationStructure } from 'ts-morph';
import { markdownCode } from '../core/escape.js';
import type { SdkModel } from '../model/types.js';
import { SCHEMA_MODULE } from './schema-types.js';
import { jsDoc, literal, type OutputFile, printSourceFile, relativeImport } from './source.js';
import { StructureKind } from './structure-kinds.js';

export const MODELS_MODULE = 'models';

/** `src/models.ts`: one exported alias per component schema, named as a user would (`OAuthClient`). */
export function emitModels(model: SdkModel): OutputFile {
  const aliases: TypeAliasDeclarationStructure[] = model.models.map((named) => ({
    kind: StructureKind.TypeAlias,
    isExported: true,
    name: named.typeName,
    type: `components['schemas'][${literal(named.key)}]`,
    docs: [
      {
        description: jsDoc(named.description) ?? `The ${markdownCode(named.key)} schema.`,
        ...(named.deprecated && { tags: [{ tagName: 'deprecated' }] }),
      },
    ],
  }));
  const imports =
    aliases.length > 0
      ? [
          {
            kind: StructureKind.ImportDeclaration,
            isTypeOnly: true,
            namedImports: ['components'],
            moduleSpecifier: relativeImport(MODELS_MODULE, SCHEMA_MODULE),
          },
        ]
      : [];
  return printSourceFile(model, `src/${MODELS_MODULE}.ts`, [
    ...imports,
    ...aliases,
    ...(aliases.length === 0 ? ['export {};'] : []),
  ]);
}
