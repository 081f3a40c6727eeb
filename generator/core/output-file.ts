// The type that crosses from the emitters to the formatter and the writer: each stage after emit sees files as
// paths and texts, nothing of how they were made.

/** A file of the output package: its path relative to the package root and its text. */
export interface OutputFile {
  path: string;
  text: string;
  /** Already in its final form: the formatter passes it through (the mock spec, megabytes of plain JSON). */
  final?: boolean;
}
