// Real history: the full Telnyx spec (1,156 operations) against itself, and against a variant with realistic edits.
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { compareSurfaces } from '../../generator/diff/compare.js';
import { buildReport, renderMarkdown } from '../../generator/diff/report.js';
import { buildSurface, type Surface } from '../../generator/diff/surface.js';
import { loadSpec, type OpenAPIDocument } from '../../generator/load/load-spec.js';
import { buildModel } from '../../generator/model/build-model.js';
import { missingShared, SHARED, sharedTitle } from '../support/shared.js';

const SPEC = join(SHARED, 'specs/telnyx/spec3.yml');
const skip = missingShared('specs/telnyx/spec3.yml');
let document: OpenAPIDocument;
let base: Surface;

beforeAll(async () => {
  if (skip) return;
  ({ document } = await loadSpec(SPEC, 'spec3.yml'));
  base = buildSurface(buildModel(document, {}, 'spec3.yml'), document);
}, 60_000);

describe.skipIf(skip)(sharedTitle('the full Telnyx spec', skip), () => {
  test('against itself: an empty report', () => {
    expect(Object.keys(base.methods)).toHaveLength(1156);
    const copy = structuredClone(document);
    const report = buildReport(compareSurfaces(base, buildSurface(buildModel(copy, {}, 'spec3.yml'), copy)));
    expect(report.changes).toEqual([]);
    expect(report.verdict).toBe('none');
  });

  test('a realistic edit (endpoint removed, required field added, resource renamed) is reported exactly', () => {
    const edited = structuredClone(document) as OpenAPIDocument & { paths: Record<string, Record<string, any>> }; // eslint-disable-line @typescript-eslint/no-explicit-any
    delete edited.paths['/access_ip_ranges/{access_ip_range_id}']!['delete'];
    const zone =
      edited.paths['/channel_zones/{channel_zone_id}']!['put'].requestBody.content['application/json'].schema;
    zone.properties.label = { type: 'string', description: 'A label for the zone' };
    zone.required = [...(zone.required ?? []), 'label'];
    edited.paths['/sim_card_bulk_actions'] = edited.paths['/bulk_sim_card_actions']!;
    edited.paths['/sim_card_bulk_actions/{id}'] = edited.paths['/bulk_sim_card_actions/{id}']!;
    delete edited.paths['/bulk_sim_card_actions'];
    delete edited.paths['/bulk_sim_card_actions/{id}'];

    const report = buildReport(compareSurfaces(base, buildSurface(buildModel(edited, {}, 'spec3.yml'), edited)));
    expect(report.changes.map((change) => `${change.severity}: ${change.message}`)).toEqual([
      'breaking: `accessIPRanges.delete` (DELETE /access_ip_ranges/{access_ip_range_id}) removed',
      'breaking: resource `bulkSimCardActions` renamed to `simCardBulkActions`',
      'breaking: `channelZones.update`: new required param `label`',
    ]);
    expect(report.verdict).toBe('major');
    expect(renderMarkdown(report)).toContain(
      'Semver: **major** (3 breaking, 0 warnings, 0 additions, 0 documentation changes)',
    );
  });
});
