// Classification of spec changes, each on a pair of small specs: the base below and one edit of it.
import { describe, expect, test } from 'vitest';
import { type Change, compareSurfaces } from '../../generator/diff/compare.js';
import { buildReport, renderMarkdown } from '../../generator/diff/report.js';
import { buildSurface } from '../../generator/diff/surface.js';
import type { OpenAPIDocument } from '../../generator/load/load-spec.js';
import { buildModel } from '../../generator/model/build-model.js';

type Spec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test fixtures are edited freely

function baseSpec(): Spec {
  return {
    openapi: '3.1.0',
    info: { title: 'Widgets', version: '1.0.0' },
    servers: [{ url: 'https://api.example.com/v1' }],
    security: [{ bearerAuth: [] }],
    paths: {
      '/widgets': {
        get: {
          summary: 'List widgets',
          parameters: [
            { name: 'page[number]', in: 'query', schema: { type: 'integer' } },
            { name: 'page[size]', in: 'query', schema: { type: 'integer' } },
          ],
          responses: {
            '200': {
              description: 'ok',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: {
                      data: { type: 'array', items: { $ref: '#/components/schemas/Widget' } },
                      meta: {
                        type: 'object',
                        properties: { page_number: { type: 'integer' }, total_pages: { type: 'integer' } },
                      },
                    },
                  },
                },
              },
            },
          },
        },
        post: {
          summary: 'Create a widget',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/WidgetCreate' } } },
          },
          responses: {
            '201': {
              description: 'ok',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Widget' } } },
            },
          },
        },
      },
      '/widgets/{id}': {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        get: {
          summary: 'Get a widget',
          responses: {
            '200': {
              description: 'ok',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Widget' } } },
            },
          },
        },
        put: {
          summary: 'Update a widget',
          requestBody: {
            content: { 'application/json': { schema: { type: 'object', properties: { name: { type: 'string' } } } } },
          },
          responses: {
            '200': {
              description: 'ok',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Widget' } } },
            },
          },
        },
        delete: { summary: 'Delete a widget', responses: { '204': { description: 'gone' } } },
      },
    },
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Widget: {
          type: 'object',
          required: ['id', 'name', 'status'],
          properties: {
            id: { type: 'string' },
            name: { type: 'string' },
            status: { type: 'string', enum: ['active', 'archived'] },
            owner: { type: 'object', properties: { email: { type: 'string' } } },
          },
        },
        WidgetCreate: {
          type: 'object',
          required: ['name'],
          properties: {
            name: { type: 'string' },
            color: { type: 'string', enum: ['red', 'blue'] },
            size: { type: 'integer' },
          },
        },
      },
    },
  };
}

function diff(edit: (spec: Spec) => void): Change[] {
  const before = baseSpec();
  const after = baseSpec();
  edit(after);
  const surface = (spec: Spec) => buildSurface(buildModel(spec as OpenAPIDocument, {}, 'spec.yaml'), spec);
  return compareSurfaces(surface(before), surface(after));
}

const summary = (changes: Change[]) => changes.map((change) => `${change.severity}: ${change.message}`);

describe('breaking changes', () => {
  test.each<[string, (spec: Spec) => void, string[]]>([
    [
      'a method removed',
      (s) => delete s.paths['/widgets/{id}'].delete,
      ['breaking: `widgets.delete` (DELETE /widgets/{id}) removed'],
    ],
    [
      'a resource renamed',
      (s) => {
        s.paths['/gadgets'] = s.paths['/widgets'];
        s.paths['/gadgets/{id}'] = s.paths['/widgets/{id}'];
        delete s.paths['/widgets'];
        delete s.paths['/widgets/{id}'];
      },
      ['breaking: resource `widgets` renamed to `gadgets`'],
    ],
    [
      'a resource removed',
      (s) => {
        delete s.paths['/widgets'];
        delete s.paths['/widgets/{id}'];
      },
      ['breaking: resource `widgets` removed'],
    ],
    [
      'the HTTP method changed',
      (s) => {
        s.paths['/widgets/{id}'].patch = s.paths['/widgets/{id}'].put;
        delete s.paths['/widgets/{id}'].put;
      },
      ['breaking: `widgets.update` moved from PUT /widgets/{id} to PATCH /widgets/{id}'],
    ],
    [
      'a path changed',
      (s) => {
        s.paths['/widgets/{widget_id}'] = s.paths['/widgets/{id}'];
        s.paths['/widgets/{widget_id}'].parameters[0].name = 'widget_id';
        delete s.paths['/widgets/{id}'];
      },
      [
        'breaking: `widgets.delete` moved from DELETE /widgets/{id} to DELETE /widgets/{widget_id}',
        'breaking: `widgets.delete` path arguments changed from (id: string) to (widgetID: string)',
        'breaking: `widgets.retrieve` moved from GET /widgets/{id} to GET /widgets/{widget_id}',
        'breaking: `widgets.retrieve` path arguments changed from (id: string) to (widgetID: string)',
        'breaking: `widgets.update` moved from PUT /widgets/{id} to PUT /widgets/{widget_id}',
        'breaking: `widgets.update` path arguments changed from (id: string) to (widgetID: string)',
      ],
    ],
    [
      'a new required body field',
      (s) => {
        s.components.schemas.WidgetCreate.properties.shape = { type: 'string' };
        s.components.schemas.WidgetCreate.required.push('shape');
      },
      ['breaking: `widgets.create`: new required param `shape`'],
    ],
    [
      'an optional param made required',
      (s) => s.components.schemas.WidgetCreate.required.push('size'),
      ['breaking: `widgets.create`: param `size` is now required'],
    ],
    [
      'a param type changed',
      (s) => (s.components.schemas.WidgetCreate.properties.size = { type: 'string' }),
      ['breaking: `widgets.create`: param `size` type changed from `integer` to `string`'],
    ],
    [
      'a request enum value removed',
      (s) => (s.components.schemas.WidgetCreate.properties.color.enum = ['red']),
      ['breaking: `widgets.create`: param `color` no longer accepts "blue"'],
    ],
    [
      'a param removed',
      (s) => delete s.components.schemas.WidgetCreate.properties.size,
      ['breaking: `widgets.create`: param `size` removed'],
    ],
    [
      'a response field removed',
      (s) => {
        delete s.components.schemas.Widget.properties.name;
        s.components.schemas.Widget.required = ['id', 'status'];
      },
      [
        'breaking: `widgets.create`: response field `name` removed',
        'breaking: `widgets.list`: response field `data[].name` removed',
        'breaking: `widgets.retrieve`: response field `name` removed',
        'breaking: `widgets.update`: response field `name` removed',
      ],
    ],
    [
      'a response field made optional',
      (s) => (s.components.schemas.Widget.required = ['id', 'status']),
      [
        'breaking: `widgets.create`: response field `name` is now optional',
        'breaking: `widgets.list`: response field `data[].name` is now optional',
        'breaking: `widgets.retrieve`: response field `name` is now optional',
        'breaking: `widgets.update`: response field `name` is now optional',
      ],
    ],
    [
      'a response field made nullable',
      (s) => (s.components.schemas.Widget.properties.owner.properties.email = { type: ['string', 'null'] }),
      [
        'breaking: `widgets.create`: response field `owner.email` is now nullable',
        'breaking: `widgets.list`: response field `data[].owner.email` is now nullable',
        'breaking: `widgets.retrieve`: response field `owner.email` is now nullable',
        'breaking: `widgets.update`: response field `owner.email` is now nullable',
      ],
    ],
    [
      'the auth scheme changed',
      (s) => (s.components.securitySchemes.bearerAuth = { type: 'apiKey', in: 'header', name: 'X-API-Key' }),
      [
        'breaking: auth scheme `bearerAuth` changed: `{"type":"bearer"}` -> `{"type":"apiKey","in":"header","name":"X-API-Key"}`',
      ],
    ],
    [
      'the pagination scheme changed',
      (s) => (s.paths['/widgets'].get.parameters = [{ name: 'cursor', in: 'query', schema: { type: 'string' } }]),
      [
        'breaking: `widgets.list` pagination changed: it no longer pages',
        'breaking: `widgets.list`: param `page[number]` removed',
        'breaking: `widgets.list`: param `page[size]` removed',
        'addition: `widgets.list`: new optional param `cursor`',
      ],
    ],
    [
      'the default server changed',
      (s) => (s.servers = [{ url: 'https://api.example.com/v2' }]),
      ['breaking: default server changed from `https://api.example.com/v1` to `https://api.example.com/v2`'],
    ],
  ])('%s', (_, edit, expected) => {
    expect(summary(diff(edit))).toEqual(expected);
  });

  test('a method renamed (same route, new name from the config) is breaking', () => {
    const surface = (config: Parameters<typeof buildModel>[1]) => {
      const spec = baseSpec() as OpenAPIDocument;
      return buildSurface(buildModel(spec, config, 'spec.yaml'), spec);
    };
    const changes = compareSurfaces(
      surface({}),
      surface({ operations: { 'delete /widgets/{id}': { method: 'remove' } } }),
    );
    expect(summary(changes)).toEqual(['breaking: `widgets.delete` renamed to `widgets.remove`']);
  });

  test('a response enum widened is a warning: exhaustive switches need a case', () => {
    const changes = diff((s) => s.components.schemas.Widget.properties.status.enum.push('deleted'));
    expect(changes.map((change) => change.severity)).toEqual(['warning', 'warning', 'warning', 'warning']);
    expect(changes[0]!.message).toBe(
      '`widgets.create`: response field `status` may now be "deleted"; exhaustive `switch`es on it need a new case',
    );
  });

  test('breaking changes carry an example of the code that breaks', () => {
    const [change] = diff((s) => delete s.paths['/widgets/{id}'].delete);
    expect(change!.example).toBe('client.widgets.delete("abc123")');
  });
});

describe('non-breaking changes', () => {
  test.each<[string, (spec: Spec) => void, string[]]>([
    [
      'a new method',
      (s) => (s.paths['/widgets/{id}/actions/archive'] = { post: { responses: { '204': { description: 'ok' } } } }),
      [
        'addition: new resource `widgets.actions`',
        'addition: new method `widgets.actions.archive` (POST /widgets/{id}/actions/archive)',
      ],
    ],
    [
      'a new resource',
      (s) =>
        (s.paths['/gizmos'] = {
          get: {
            responses: {
              '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } },
            },
          },
        }),
      ['addition: new resource `gizmos`', 'addition: new method `gizmos.list` (GET /gizmos)'],
    ],
    [
      'a new optional param',
      (s) => (s.components.schemas.WidgetCreate.properties.weight = { type: 'number' }),
      ['addition: `widgets.create`: new optional param `weight`'],
    ],
    [
      'a new response field',
      (s) => (s.components.schemas.Widget.properties.created_at = { type: 'string' }),
      [
        'addition: `widgets.create`: new response field `created_at`',
        'addition: `widgets.list`: new response field `data[].created_at`',
        'addition: `widgets.retrieve`: new response field `created_at`',
        'addition: `widgets.update`: new response field `created_at`',
      ],
    ],
    [
      'a new request enum value',
      (s) => s.components.schemas.WidgetCreate.properties.color.enum.push('green'),
      ['addition: `widgets.create`: param `color` accepts "green"'],
    ],
    [
      'a description changed',
      (s) => (s.paths['/widgets'].post.summary = 'Make a widget'),
      ['docs: `widgets.create` description changed'],
    ],
  ])('%s', (_, edit, expected) => {
    expect(summary(diff(edit))).toEqual(expected);
  });

  test('the same spec: no changes', () => {
    expect(diff(() => undefined)).toEqual([]);
  });
});

describe('the report', () => {
  test('semver verdict: major for breaking, minor for additions, patch for docs, none for nothing', () => {
    expect(buildReport(diff((s) => delete s.paths['/widgets/{id}'].delete)).verdict).toBe('major');
    expect(
      buildReport(diff((s) => (s.components.schemas.WidgetCreate.properties.weight = { type: 'number' }))).verdict,
    ).toBe('minor');
    expect(buildReport(diff((s) => (s.paths['/widgets'].post.summary = 'Make a widget'))).verdict).toBe('patch');
    expect(buildReport(diff(() => undefined)).verdict).toBe('none');
  });

  test('Markdown: breaking first, grouped by resource, docs collapsed, a changelog entry', () => {
    const markdown = renderMarkdown(
      buildReport(
        diff((s) => {
          delete s.paths['/widgets/{id}'].delete;
          s.components.schemas.WidgetCreate.properties.weight = { type: 'number' };
          s.paths['/widgets'].post.summary = 'Make a widget';
        }),
      ),
    );
    expect(markdown).toContain('Semver: **major** (1 breaking, 0 warnings, 1 addition, 1 documentation change)');
    expect(markdown.indexOf('### Breaking changes')).toBeLessThan(markdown.indexOf('### Additions'));
    expect(markdown).toContain(
      '#### `widgets`\n\n- `widgets.delete` (DELETE /widgets/{id}) removed\n  `client.widgets.delete("abc123")`',
    );
    expect(markdown).toContain('<details><summary>Documentation changes (1)</summary>');
    expect(markdown).toContain(
      '### Suggested changelog entry\n\n```md\n### Breaking changes\n\n- `widgets.delete` (DELETE /widgets/{id}) removed\n\n### Features\n\n- `widgets.create`: new optional param `weight`\n\n### Documentation\n\n- `widgets.create` description changed\n```',
    );
  });
});

describe('a schema change reaches every operation that uses it, however deep (issue 21 item 6)', () => {
  // Widget reached as the items of a top-level array, a map's values, a union's option and a nested ref.
  function deepSpec(): Spec {
    const spec = baseSpec();
    const ref = { $ref: '#/components/schemas/Widget' };
    const ok = (schema: unknown) => ({ '200': { description: 'ok', content: { 'application/json': { schema } } } });
    spec.paths['/widget-list'] = {
      get: { summary: 'All widgets as an array', responses: ok({ type: 'array', items: ref }) },
    };
    spec.paths['/widget-map'] = {
      get: { summary: 'Widgets by key', responses: ok({ type: 'object', additionalProperties: ref }) },
    };
    spec.paths['/widget-or-none'] = {
      get: {
        summary: 'A widget or a note',
        responses: ok({ oneOf: [ref, { type: 'object', properties: { note: { type: 'string' } } }] }),
      },
    };
    spec.paths['/shelves/{shelf_id}/widgets/{id}'] = {
      parameters: [
        { name: 'shelf_id', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
      ],
      patch: {
        summary: 'Update a shelved widget',
        requestBody: {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: { label: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } },
              },
            },
          },
        },
        responses: ok({ type: 'object', properties: { shelf: { type: 'object', properties: { top: ref } } } }),
      },
    };
    return spec;
  }
  function deepDiff(edit: (spec: Spec) => void): Change[] {
    const before = deepSpec();
    const after = deepSpec();
    edit(after);
    const surface = (spec: Spec) => buildSurface(buildModel(spec as OpenAPIDocument, {}, 'spec.yaml'), spec);
    return compareSurfaces(surface(before), surface(after));
  }

  test('a renamed property of the schema breaks arrays, maps, unions and nested refs of it', () => {
    const changes = deepDiff((s) => {
      s.components.schemas.Widget.properties.title = s.components.schemas.Widget.properties.name;
      delete s.components.schemas.Widget.properties.name;
      s.components.schemas.Widget.required = ['id', 'title', 'status'];
    });
    const removed = changes
      .filter((change) => change.severity === 'breaking' && /response field `[^`]*name` removed/.test(change.message))
      .map((change) => change.message);
    expect(removed).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/widgetList\.\w+`: response field `\[\]\.name` removed/),
        expect.stringMatching(/widgetMap\.\w+`: response field `\{\}\.name` removed/),
        expect.stringMatching(/widgetOrNone\.\w+`: response field `name` removed/),
        expect.stringMatching(/`: response field `shelf\.top\.name` removed/),
      ]),
    );
    // The report shows how users' code reads it.
    const listed = changes.find((change) => /`\[\]\.name` removed/.test(change.message))!;
    expect(listed.example).toMatch(/^\(await client\.widgetList\.\w+\(\)\)\[0\]\.name$/);
  });

  test("the report's calls have the method's real signature: the own id positional, parent ids in the params", () => {
    const changes = deepDiff((s) => {
      delete s.paths['/shelves/{shelf_id}/widgets/{id}'].patch.requestBody.content['application/json'].schema.properties
        .label;
    });
    const removed = changes.find((change) => /param `label` removed/.test(change.message))!;
    expect(removed.example).toMatch(
      /^client\.shelves\.widgets\.update\(id, \{ shelf_id: \.\.\., label: \.\.\. \}\) \/\/ no longer compiles$/,
    );
  });
});
