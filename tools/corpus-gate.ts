// The corpus as a gate: a committed baseline of per-spec results (specs that fail today stay recorded with their
// counts), and a comparison that calls any step backwards a regression.
import type { CorpusResult } from './corpus.js';

/** What the baseline keeps of a spec's result: the counts that must not grow. */
export interface BaselineEntry {
  generated: boolean;
  tsc5Errors: number;
  tsc7Errors: number;
  snippetErrors: number;
  fallbackNames: number;
  numberedNames: number;
}

export interface Baseline {
  specs: Record<string, BaselineEntry>;
}

/** Counts where more is worse, with what the report calls them. */
const COUNTS: Array<[keyof BaselineEntry, string]> = [
  ['tsc5Errors', 'tsc 5 errors'],
  ['tsc7Errors', 'tsc 7 errors'],
  ['snippetErrors', 'README/api.md snippets that do not compile'],
  ['fallbackNames', 'operationId-fallback names'],
  ['numberedNames', 'numbered names'],
];

export function baselineEntry(result: CorpusResult): BaselineEntry {
  return {
    generated: result.generated,
    tsc5Errors: result.tsc5Errors ?? 0,
    tsc7Errors: result.tsc7Errors ?? 0,
    snippetErrors: result.snippetErrors ?? 0,
    fallbackNames: result.fallbackNames,
    numberedNames: result.numberedNames,
  };
}

/**
 * Regressions: a spec that generated no longer does, or any count above its baseline. A spec the baseline does not
 * know is held to zero errors. Improvements and unknown specs are listed so that the baseline can be tightened.
 */
export function compareWithBaseline(
  baseline: Baseline,
  results: readonly CorpusResult[],
): { regressions: string[]; improvements: string[]; missing: string[] } {
  const regressions: string[] = [];
  const improvements: string[] = [];
  const missing: string[] = [];
  for (const result of results) {
    const now = baselineEntry(result);
    const before = baseline.specs[result.spec];
    if (!before) {
      missing.push(result.spec);
      if (!now.generated || now.tsc5Errors + now.tsc7Errors + now.snippetErrors > 0)
        regressions.push(`${result.spec}: new to the baseline and not clean: ${result.error ?? 'not generated'}`);
      continue;
    }
    if (before.generated && !now.generated) {
      regressions.push(`${result.spec}: no longer generates: ${result.error ?? ''}`);
      continue;
    }
    if (!before.generated && now.generated) improvements.push(`${result.spec}: generates now`);
    for (const [key, label] of COUNTS) {
      const was = before[key] as number;
      const is = now[key] as number;
      if (is > was)
        regressions.push(
          `${result.spec}: ${label} ${was} -> ${is}${key === 'snippetErrors' && result.snippetFailures[0] ? ` (${result.snippetFailures[0]})` : /Errors$/.test(key) && result.error ? ` (${result.error})` : ''}`,
        );
      else if (is < was) improvements.push(`${result.spec}: ${label} ${was} -> ${is}`);
    }
  }
  return { regressions, improvements, missing };
}
