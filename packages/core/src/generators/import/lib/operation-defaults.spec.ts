import { parseJson, toCanonicalJson, type JsonObject } from '../../../lib/json';
import { compactOperations } from './operation-defaults';

const plain = (value: unknown) => JSON.parse(toCanonicalJson(value as JsonObject));
const list = (path: string) => ({
  method: 'GET',
  next_page_link: `{{@ base_url @}}/v2/${path}?from={{ body.from + body.count }}`,
  payload_property: 'values',
  url: `${path}?fields=*`,
});

describe('compactOperations (import: the source operations as per-role defaults)', () => {
  const source = parseJson(
    JSON.stringify({
      'address-list': list('address'),
      'contact-list': list('contact'),
      'contact-lookup': { method: 'GET', url: 'contact/{{ entity.id }}?fields=*' },
      'country-list': { ...list('country'), payload_property: undefined, id_expression: '{{ id }}' },
      'order-list': list('sales/order'),
      'token-refresh': { method: 'POST', url: 'token' },
    }),
  ) as JsonObject;
  const roles = new Map(
    ['address', 'contact', 'country', 'order'].map((name) => [name, new Set(['list' as const])]),
  );

  it("abstracts each datatype's path, keeps what most share as the default and the rest per datatype", () => {
    const packed = compactOperations(source, roles);
    expect(plain(packed.operationDefaults)).toEqual({
      list: {
        next_page_link: '{{@ base_url @}}/v2/${path}?from={{ body.from + body.count }}',
        payload_property: 'values',
        url: '${path}?fields=*',
      },
    });
    expect(plain(packed.datatypes.get('country'))).toEqual({
      operations: { list: { id_expression: '{{ id }}', payload_property: null } },
    });
    expect(packed.datatypes.has('address')).toBe(false);
    // A path unlike the name is given once.
    expect(plain(packed.datatypes.get('order'))).toEqual({ path: 'sales/order' });
    // The lookup no other datatype shares stays as the datatype's own (only what the pack default lacks).
    expect(plain(packed.datatypes.get('contact'))).toEqual({
      operations: { lookup: { url: 'contact/{{ entity.id }}?fields=*' } },
    });
    expect(plain(packed.operations)).toEqual({ 'token-refresh': { method: 'POST', url: 'token' } });
  });

  it('escapes a source text that looks like a placeholder', () => {
    const odd = parseJson(
      JSON.stringify({
        'a-list': { method: 'GET', url: 'a?x=${path}' },
        'b-list': { method: 'GET', url: 'b?x=${path}' },
      }),
    ) as JsonObject;
    const packed = compactOperations(
      odd,
      new Map([
        ['a', new Set()],
        ['b', new Set()],
      ]),
    );
    expect(plain(packed.operationDefaults)).toEqual({ list: { url: '${path}?x=$${path}' } });
  });

  it('gives a datatype its own operationDefaults for what its roles share (a null where one lacks it)', () => {
    const params = { properties: 'name,email,phone,address,city,zip,country' };
    const ops = parseJson(
      JSON.stringify({
        'a-list': { method: 'GET', params, url: 'a' },
        'a-lookup': { method: 'GET', params, url: 'a/{{ entity.id }}' },
        'a-delete': { method: 'DELETE', url: 'a/{{ entity.id }}' },
        'b-list': { method: 'GET', url: 'b' },
        'b-lookup': { method: 'GET', url: 'b/{{ entity.id }}' },
      }),
    ) as JsonObject;
    const packed = compactOperations(
      ops,
      new Map([
        ['a', new Set(['list', 'lookup', 'delete'] as const)],
        ['b', new Set(['list', 'lookup'] as const)],
      ]),
    );
    expect(plain(packed.datatypes.get('a'))).toEqual({
      operationDefaults: { params },
      operations: { delete: { params: null } },
    });
    expect(packed.operationDefaults.has('*')).toBe(false);
  });

  it('says once in operationDefaults["*"] the members every operation shares, whatever it is named', () => {
    const headers = { Accept: 'application/json', 'SO-Apptoken': '{{@ token @}}' };
    const ops = parseJson(
      JSON.stringify({
        'contact-list': { headers, method: 'GET', url: 'Contact' },
        'contact-lookup': { headers, method: 'GET', url: 'Contact/{{ entity.id }}' },
        alternate_list: { headers, method: 'GET', url: '{{ properties.base_url }}' },
        'create-quote': {
          headers: { ...headers, 'Content-Type': 'text/xml' },
          method: 'POST',
          url: 'Agents/Quote',
        },
        'token-refresh': { method: 'POST', url: 'token' },
      }),
    ) as JsonObject;
    const packed = compactOperations(ops, new Map([['contact', new Set(['list', 'lookup'] as const)]]));
    // the two operations of no datatype role that POST share that too (the pack's role defaults set the others' method)
    expect(plain(packed.operationDefaults)['*']).toEqual({ headers, method: 'POST' });
    // each operation states only what differs from "*": a member more, or null where it has none
    expect(plain(packed.operations)).toEqual({
      alternate_list: { method: 'GET', url: '{{ properties.base_url }}' },
      'create-quote': { headers: { 'Content-Type': 'text/xml' }, url: 'Agents/Quote' },
      'token-refresh': { url: 'token', headers: null },
    });
    expect(plain(packed.datatypes.get('contact'))).toEqual({ path: 'Contact' });
  });
});
