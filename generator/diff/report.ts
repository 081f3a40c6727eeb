import { markdownCode, markdownCodeBlock, markdownInline } from '../core/escape.js';
import type { Change, Severity } from './compare.js';

export type Verdict = 'major' | 'minor' | 'patch' | 'none';

export interface DiffReport {
  verdict: Verdict;
  counts: Record<Severity, number>;
  changes: Change[];
  changelog: string;
}

/** Breaking changes make a major release; additions (and warnings) a minor one; doc changes a patch. */
export function verdictOf(changes: readonly Change[]): Verdict {
  if (changes.some((change) => change.severity === 'breaking')) return 'major';
  if (changes.some((change) => change.severity === 'addition' || change.severity === 'warning')) return 'minor';
  if (changes.length > 0) return 'patch';
  return 'none';
}

export function buildReport(changes: Change[]): DiffReport {
  const counts: Record<Severity, number> = { breaking: 0, warning: 0, addition: 0, docs: 0 };
  for (const change of changes) counts[change.severity]++;
  return { verdict: verdictOf(changes), counts, changes, changelog: changelog(changes) };
}

const HEADINGS: Record<Severity, string> = {
  breaking: 'Breaking changes',
  warning: 'Warnings',
  addition: 'Additions',
  docs: 'Documentation',
};

/**
 * Markdown for a pull-request comment: verdict, then breaking changes first, grouped by resource. Messages quote spec
 * text, which is untrusted: it is escaped so that it cannot open HTML or leave its code span or block.
 */
export function renderMarkdown(report: DiffReport): string {
  const { counts } = report;
  const lines = ['## SDK change report', ''];
  if (report.changes.length === 0) {
    lines.push('No changes to the SDK surface: **no release needed**.', '');
    return lines.join('\n');
  }
  lines.push(
    `Semver: **${report.verdict}** (${counts.breaking} breaking, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.addition} addition${counts.addition === 1 ? '' : 's'}, ${counts.docs} documentation change${counts.docs === 1 ? '' : 's'})`,
    '',
  );
  for (const severity of ['breaking', 'warning', 'addition'] as const) {
    const items = report.changes.filter((change) => change.severity === severity);
    if (items.length === 0) continue;
    lines.push(`### ${HEADINGS[severity]}`, '');
    for (const [resource, group] of groupBy(items)) {
      lines.push(`#### \`${resource}\``, '');
      for (const change of group) {
        lines.push(`- ${markdownInline(change.message)}`);
        if (change.example && severity !== 'addition')
          lines.push(`  ${markdownCode(change.example.replace(/`/g, "'"))}`);
      }
      lines.push('');
    }
  }
  const docs = report.changes.filter((change) => change.severity === 'docs');
  if (docs.length > 0) {
    lines.push(
      `<details><summary>Documentation changes (${docs.length})</summary>`,
      '',
      ...docs.map((change) => `- ${markdownInline(change.message)}`),
      '',
      '</details>',
      '',
    );
  }
  lines.push('### Suggested changelog entry', '', ...markdownCodeBlock('md', report.changelog.split('\n')), '');
  return lines.join('\n');
}

function changelog(changes: readonly Change[]): string {
  const section = (title: string, severities: Severity[]): string[] => {
    const items = changes.filter((change) => severities.includes(change.severity));
    return items.length === 0 ? [] : [`### ${title}`, '', ...items.map((change) => `- ${change.message}`), ''];
  };
  return [
    ...section('Breaking changes', ['breaking']),
    ...section('Features', ['addition', 'warning']),
    ...section('Documentation', ['docs']),
  ]
    .join('\n')
    .trim();
}

function groupBy(changes: readonly Change[]): Map<string, Change[]> {
  const groups = new Map<string, Change[]>();
  for (const change of changes) {
    const group = groups.get(change.resource) ?? [];
    group.push(change);
    groups.set(change.resource, group);
  }
  return groups;
}
