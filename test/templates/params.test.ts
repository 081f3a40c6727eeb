import { describe, expect, test } from 'vitest';
import {
  type ParamStyle,
  serializeCookies,
  serializeFormQuery,
  serializeHeader,
  serializePath,
  serializeQuery,
  serializeSimplePath,
} from '../../templates/src/internal/params.js';

// The OpenAPI Specification's own style examples (3.1.1, "Style Examples"): a parameter `color` that holds the empty
// string, "blue", ["blue", "black", "brown"] or { R: 100, G: 200, B: 150 }. `null` marks "n/a" in the table.
const empty = '';
const string = 'blue';
const array = ['blue', 'black', 'brown'];
const object = { R: 100, G: 200, B: 150 };

type Row = [
  style: ParamStyle,
  explode: boolean,
  empty: string | null,
  string: string | null,
  array: string | null,
  object: string | null,
];
const table: Row[] = [
  ['matrix', false, ';color', ';color=blue', ';color=blue,black,brown', ';color=R,100,G,200,B,150'],
  ['matrix', true, ';color', ';color=blue', ';color=blue;color=black;color=brown', ';R=100;G=200;B=150'],
  ['label', false, '.', '.blue', '.blue,black,brown', '.R,100,G,200,B,150'],
  ['label', true, '.', '.blue', '.blue.black.brown', '.R=100.G=200.B=150'],
  ['simple', false, null, 'blue', 'blue,black,brown', 'R,100,G,200,B,150'],
  ['simple', true, null, 'blue', 'blue,black,brown', 'R=100,G=200,B=150'],
  ['form', false, 'color=', 'color=blue', 'color=blue,black,brown', 'color=R,100,G,200,B,150'],
  ['form', true, 'color=', 'color=blue', 'color=blue&color=black&color=brown', 'R=100&G=200&B=150'],
  ['spaceDelimited', false, null, null, 'color=blue%20black%20brown', 'color=R%20100%20G%20200%20B%20150'],
  ['spaceDelimited', true, null, null, 'color=blue&color=black&color=brown', null],
  ['pipeDelimited', false, null, null, 'color=blue|black|brown', 'color=R|100|G|200|B|150'],
  ['pipeDelimited', true, null, null, 'color=blue&color=black&color=brown', null],
  ['deepObject', true, null, null, null, 'color[R]=100&color[G]=200&color[B]=150'],
];

const pathStyles = new Set<ParamStyle>(['matrix', 'label', 'simple']);
const cases = table.flatMap(([style, explode, ...expected]) =>
  ([empty, string, array, object] as unknown[]).flatMap((value, column) =>
    expected[column] === null
      ? []
      : [
          {
            style,
            explode,
            value,
            want: expected[column]!,
            label: `${style} explode=${explode} ${JSON.stringify(value)}`,
          },
        ],
  ),
);

describe('the OpenAPI style examples table', () => {
  test.each(cases)('$label', ({ style, explode, value, want }) => {
    const styles = { color: { style, explode } };
    const got = pathStyles.has(style)
      ? serializePath('{color}', { color: value }, styles)
      : serializeQuery({ color: value }, styles);
    expect(got).toBe(want);
  });
});

describe('the default-style serializers the request loop uses without styledParams', () => {
  // The same output as the styled serializers with no styles, for every kind of value: only the bundle differs.
  const values: unknown[] = [
    empty,
    string,
    0,
    false,
    null,
    undefined,
    new Date(0),
    'a/b c&d',
    array,
    [1, null, 'x'],
    object,
    { a: { b: 'x', c: [1, 2] }, d: 'y' },
    { s: [{ id: 1 }, { id: 2 }] },
    { n: null, u: undefined, v: 'é' },
    [],
  ];
  test.each(values.map((value) => ({ value, label: String(JSON.stringify(value)) })))('$label', ({ value }) => {
    expect(serializeFormQuery({ color: value, 'page[size]': 5 })).toBe(
      serializeQuery({ color: value, 'page[size]': 5 }),
    );
    expect(serializeSimplePath('/x/{color}/{missing}', { color: value })).toBe(
      serializePath('/x/{color}/{missing}', { color: value }),
    );
  });
});

describe('query parameters', () => {
  test('defaults are form, exploded', () => {
    expect(serializeQuery({ tag: ['a', 'b'], limit: 10, 'page[size]': 5 })).toBe('tag=a&tag=b&limit=10&page[size]=5');
  });

  test('deepObject nests with brackets; arrays repeat the key, objects in arrays are indexed', () => {
    const styles = { filter: { style: 'deepObject' as const, explode: true } };
    expect(
      serializeQuery({ filter: { phone_number: { contains: '555', starts_with: '+1' }, country_code: 'US' } }, styles),
    ).toBe('filter[phone_number][contains]=555&filter[phone_number][starts_with]=%2B1&filter[country_code]=US');
    expect(serializeQuery({ filter: { status: ['a', 'b'], items: [{ id: 1 }, { id: 2 }] } }, styles)).toBe(
      'filter[status]=a&filter[status]=b&filter[items][0][id]=1&filter[items][1][id]=2',
    );
  });

  test('an exploded form object with nested members writes brackets instead of throwing', () => {
    expect(serializeQuery({ q: { a: { b: 'x' }, c: ['1', '2'] } })).toBe('a[b]=x&c=1&c=2');
  });

  test('values are percent-encoded, delimiters are not; undefined and null are left out', () => {
    expect(serializeQuery({ q: 'a&b=c d', skip: undefined, none: null })).toBe('q=a%26b%3Dc%20d');
    expect(serializeQuery({ ids: ['a,b', 'c'] }, { ids: { explode: false } })).toBe('ids=a%2Cb,c');
    expect(serializeQuery({ at: new Date('2026-01-02T03:04:05Z') })).toBe('at=2026-01-02T03%3A04%3A05.000Z');
  });

  test('allowReserved keeps reserved characters but not the query delimiters', () => {
    expect(serializeQuery({ path: '/a/b:c?d&e#f' }, { path: { allowReserved: true } })).toBe('path=/a/b:c?d%26e%23f');
  });
});

describe('path, header and cookie parameters', () => {
  test('path templates expand every parameter; values are encoded', () => {
    expect(serializePath('https://api.test/v1/{id}/files{;ver}/{name}', { id: 'a/b', name: 'x y' })).toBe(
      'https://api.test/v1/a%2Fb/files{;ver}/x%20y',
    );
    expect(serializePath('/points/{coords}', { coords: [1, 2] }, { coords: { style: 'label', explode: true } })).toBe(
      '/points/.1.2',
    );
  });

  test('headers are simple', () => {
    expect(serializeHeader(array)).toBe('blue,black,brown');
    expect(serializeHeader(object)).toBe('R,100,G,200,B,150');
    expect(serializeHeader(object, { explode: true })).toBe('R=100,G=200,B=150');
    expect(serializeHeader(undefined)).toBeUndefined();
  });

  test('cookies are form, exploded by default', () => {
    expect(serializeCookies({ color: 'blue', session: 'a b' })).toBe('color=blue; session=a%20b');
    expect(serializeCookies({ color: array }, { color: { explode: false } })).toBe('color=blue,black,brown');
    expect(serializeCookies({ color: object })).toBe('R=100; G=200; B=150');
    expect(serializeCookies({ none: undefined })).toBeUndefined();
  });
});
