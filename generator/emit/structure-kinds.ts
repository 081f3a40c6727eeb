import type {
  ModuleDeclarationKind as MorphModuleDeclarationKind,
  StructureKind as MorphStructureKind,
} from 'ts-morph';

/**
 * The values of ts-morph's `StructureKind` and `ModuleDeclarationKind` the emitters use, typed as ts-morph's own, so
 * building structures does not load ts-morph: with every file printed directly (print.ts), it and the TypeScript
 * compiler it bundles (70 MB, half a second to load) are loaded only for a structure print.ts leaves to it.
 * test/generator/print.test.ts holds them to ts-morph's values.
 */
export const StructureKind = {
  Class: 2 as MorphStructureKind.Class,
  ExportDeclaration: 11 as MorphStructureKind.ExportDeclaration,
  ImportDeclaration: 16 as MorphStructureKind.ImportDeclaration,
  Interface: 19 as MorphStructureKind.Interface,
  JSDoc: 24 as MorphStructureKind.JSDoc,
  JSDocTag: 25 as MorphStructureKind.JSDocTag,
  Module: 29 as MorphStructureKind.Module,
  SourceFile: 36 as MorphStructureKind.SourceFile,
  TypeAlias: 38 as MorphStructureKind.TypeAlias,
} as const;

export const ModuleDeclarationKind = {
  Namespace: 'namespace' as MorphModuleDeclarationKind.Namespace,
  Global: 'global' as MorphModuleDeclarationKind.Global,
} as const;
