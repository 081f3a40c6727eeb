// The tree operations are placed in before they become resources: a node per resource property, its operations named.
import type { OperationModel } from './operations.js';
import type { Placement } from './placement.js';

/** An operation placed in the tree, with its method name and what naming may still read of it. */
export type PlacedOperation = OperationModel & {
  name: string;
  /** The operationId without its tag's prefix (`gists/get`: `get`), what naming reads of it. */
  idName?: string;
  /** The config placed or named it; conventions leave it where it is. */
  pinned?: boolean;
  /** Where the operation's path alone would place it, if that differs: taken when its inferred name is taken. */
  fallback?: Placement;
  /** The type names an existing SDK's api.md gives its method. */
  surfaceNames?: { response?: string; params?: string; page?: string; item?: string };
};

/** A node of the resource tree while placing operations. */
export interface Node {
  property: string;
  operations: PlacedOperation[];
  children: Map<string, Node>;
}

/** An empty node (the root, or a resource property). */
export function newNode(property: string): Node {
  return { property, operations: [], children: new Map() };
}

/** The child of `node` at `property`, made if it is not there yet. */
export function childNode(node: Node, property: string): Node {
  let child = node.children.get(property);
  if (!child) {
    child = newNode(property);
    node.children.set(property, child);
  }
  return child;
}

/** Every operation in the tree under `node`, its own first. */
export function allOperations(node: Node): PlacedOperation[] {
  return [...node.operations, ...[...node.children.values()].flatMap(allOperations)];
}
