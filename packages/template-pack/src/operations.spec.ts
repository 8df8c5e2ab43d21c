import { OPERATION_ROLES, defaultOperation, operationBase } from './operations';

const urls = (datatype: string, listUrl?: string) =>
  Object.fromEntries(OPERATION_ROLES.map((role) => [role, defaultOperation(role, datatype, listUrl)]));

describe('default operations', () => {
  it('without a list URL: every role on the datatype name', () => {
    expect(urls('inventoryitem')).toEqual({
      list: { method: 'GET', url: 'inventoryitem' },
      lookup: { method: 'GET', url: 'inventoryitem/{{ entity.id }}' },
      insert: { method: 'POST', url: 'inventoryitem' },
      update: { method: 'PUT', url: 'inventoryitem/{{ entity.id }}' },
      delete: { method: 'DELETE', url: 'inventoryitem/{{ entity.id }}' },
    });
  });

  it('with a list URL: every role from its path; a .json suffix stays last, after the id', () => {
    expect(urls('inventoryitem', 'inventory_items.json')).toEqual({
      list: { method: 'GET', url: 'inventory_items.json' },
      lookup: { method: 'GET', url: 'inventory_items/{{ entity.id }}.json' },
      insert: { method: 'POST', url: 'inventory_items.json' },
      update: { method: 'PUT', url: 'inventory_items/{{ entity.id }}.json' },
      delete: { method: 'DELETE', url: 'inventory_items/{{ entity.id }}.json' },
    });
  });

  it('the base path drops the query, a fragment, a trailing slash and a Jinja statement', () => {
    expect(operationBase('order', 'orders.json?status=any&updated_at_min={{since}}')).toEqual({
      collection: 'orders',
      suffix: '.json',
    });
    expect(operationBase('contact', 'crm/v3/objects/contacts/?limit=100#x')).toEqual({
      collection: 'crm/v3/objects/contacts',
      suffix: '',
    });
    expect(operationBase('order', 'orders{% if since %}?since={{ since }}{% endif %}')).toEqual({
      collection: 'orders',
      suffix: '',
    });
  });

  it('a suffix is a format extension of a plain last segment only', () => {
    expect(operationBase('x', 'companies/{{ params.id }}.json')).toEqual({
      collection: 'companies/{{ params.id }}.json',
      suffix: '',
    });
    expect(operationBase('x', 'api/.json')).toEqual({ collection: 'api/.json', suffix: '' });
    expect(operationBase('x', 'v1.2/items')).toEqual({ collection: 'v1.2/items', suffix: '' });
    expect(operationBase('x', 'items.xml')).toEqual({ collection: 'items', suffix: '.xml' });
  });

  it('a list URL that is only a query falls back to the datatype name', () => {
    expect(operationBase('item', '?page=1')).toEqual({ collection: 'item', suffix: '' });
  });

  it("a datatype's own API path is the collection; the list URL then gives only the suffix", () => {
    expect(operationBase('company', undefined, 'crm/v3/objects/companies')).toEqual({
      collection: 'crm/v3/objects/companies',
      suffix: '',
    });
    expect(operationBase('item', 'items.json?limit=50', 'v2/items')).toEqual({
      collection: 'v2/items',
      suffix: '.json',
    });
    expect(defaultOperation('lookup', 'item', 'items.json', 'v2/items')).toEqual({
      method: 'GET',
      url: 'v2/items/{{ entity.id }}.json',
    });
  });
});
