// Types and calls right for any spec (#21 item 2): synthetic specs, each generated into a package whose sources and
// generated tests must type-check, plus the shapes that make them do so.
import { afterAll, describe, expect, test } from 'vitest';
import { generateSdk, type GeneratedSdk } from '../support/generated-sdk.js';

const made: GeneratedSdk[] = [];
afterAll(() => Promise.all(made.map((sdk) => sdk.remove())));

async function sdkOf(spec: string, folder: string): Promise<GeneratedSdk> {
  const sdk = await generateSdk(`test/fixtures/call-shapes/${spec}`, folder);
  made.push(sdk);
  return sdk;
}

describe('parent ids and positional bodies (regressions)', () => {
  test('an optional binary body never precedes a required params argument; parent ids that cannot sit beside a map or a same-named body field are positional', async () => {
    const sdk = await sdkOf('parents.yaml', '.call-shapes-parents-sdk');
    // The optional binary body stays in the params, which a required query param makes required.
    expect(sdk.file('src/resources/sites/files.ts')).toMatch(/update\(fileID: string, params: FileUpdateParams, options\?: RequestOptions\)/);
    // A map body (`additionalProperties: integer`) and a body field named like the parent id: both ids positional.
    expect(sdk.file('src/resources/sites/settings.ts')).toMatch(/update\(siteID: string, key: string, body: SettingUpdateParams = \{\}/);
    expect(sdk.file('src/resources/sites/pages.ts')).toMatch(/update\(siteID: string, pageID: string, body: PageUpdateParams,/);
    expect(sdk.file('src/resources/sites/pages.ts')).not.toMatch(/site_id: string \} &/);
    expect(await sdk.typecheck()).toBe('');
  }, 120_000);
});
