import { datatypePatterns } from '@sesam-connectors/template-pack';
import { parseJson, toCanonicalJson, toJsonText, type JsonObject } from '../../../lib/json';
import { hoistDatatypeDefaults } from './datatype-defaults';

const datatypesOf = (value: unknown) => parseJson(JSON.stringify(value)) as JsonObject;
const plain = (value: unknown) => JSON.parse(toCanonicalJson(value as JsonObject));
const size = (value: JsonObject) => toJsonText(value, { compact: true }).length;

describe('hoistDatatypeDefaults', () => {
  it('states once the value most collect datatypes share, and keeps the odd one out', () => {
    const given = datatypesOf({
      a: { pattern: 'collect', options: { collectPump: false, supportsSince: true } },
      b: { pattern: 'collect', options: { collectPump: false, supportsSince: true } },
      e: { pattern: 'collect', options: { collectPump: false, supportsSince: true } },
      c: { pattern: 'collect', options: { collectPump: false } },
      d: { pattern: 'webhook', options: { collectPump: false } },
    });
    const { datatypes, defaults } = hoistDatatypeDefaults(given, datatypePatterns);
    expect(plain(defaults)).toEqual({ collect: { options: { collectPump: false, supportsSince: true } } });
    // c lacks supportsSince: it states the pattern's default; d is another pattern and keeps its own
    expect(plain(datatypes)).toEqual({
      a: { pattern: 'collect' },
      b: { pattern: 'collect' },
      e: { pattern: 'collect' },
      c: { pattern: 'collect', options: { supportsSince: false } },
      d: { pattern: 'webhook', options: { collectPump: false } },
    });
    expect(size(datatypes) + size(defaults!)).toBeLessThan(size(given));
  });

  it('keeps an option where stating the default for the datatypes without it costs more than it saves', () => {
    const given = datatypesOf({
      a: { pattern: 'collect', options: { supportsSince: true } },
      b: { pattern: 'collect', options: { supportsSince: true } },
      c: { pattern: 'collect' },
    });
    const { datatypes, defaults } = hoistDatatypeDefaults(given, datatypePatterns);
    expect(defaults).toBeUndefined();
    expect(plain(datatypes)).toEqual(plain(given));
  });

  it('does not move an option without a pattern default past a datatype that leaves it out when its null costs more', () => {
    const given = datatypesOf({
      a: { pattern: 'collect', options: { scheduleInterval: 600 } },
      b: { pattern: 'collect', options: { scheduleInterval: 600 } },
      c: { pattern: 'collect' },
    });
    const { datatypes, defaults } = hoistDatatypeDefaults(given, datatypePatterns);
    expect(defaults).toBeUndefined();
    expect(plain(datatypes)).toEqual(plain(given));
  });

  it('hoists the members an object-valued option shares; a datatype states what it changes, null what it lacks', () => {
    const props = (datatype: string, extra: object = {}) => ({
      id_expression: '{{ id }}',
      payload_property: 'data',
      properties: { datatype, ...extra },
      updated_expression: "{{ lastChanged|truncate(10, True, '') }}",
    });
    const given = datatypesOf({
      customer: {
        pattern: 'collect',
        options: { sourceProperties: props('{{@ datatype @}}', { top: '20' }) },
      },
      employee: { pattern: 'collect', options: { sourceProperties: props('{{@ datatype @}}') } },
      project: { pattern: 'collect', options: { sourceProperties: props('{{@ datatype @}}') } },
      contactperson: { pattern: 'collect', options: { sourceProperties: props('partycontactperson') } },
      invoice: { pattern: 'collect', options: { collectSource: 'parent', parent: 'customer' } },
    });
    const { datatypes, defaults } = hoistDatatypeDefaults(given, datatypePatterns);
    expect(plain(defaults)).toEqual({
      collect: { options: { sourceProperties: props('{{@ datatype @}}') } },
    });
    expect(plain(datatypes)).toEqual({
      customer: { pattern: 'collect', options: { sourceProperties: { properties: { top: '20' } } } },
      employee: { pattern: 'collect' },
      project: { pattern: 'collect' },
      contactperson: {
        pattern: 'collect',
        options: { sourceProperties: { properties: { datatype: 'partycontactperson' } } },
      },
      // it has no sourceProperties: null unsets the default (the pattern has none)
      invoice: {
        pattern: 'collect',
        options: { collectSource: 'parent', parent: 'customer', sourceProperties: null },
      },
    });
    expect(size(datatypes) + size(defaults!)).toBeLessThan(size(given));
  });

  it('goes down into members that are objects: they share their datatype, each states its own key', () => {
    const share = (primaryKey: string) => ({
      shareTemplateProperties: Object.fromEntries(
        ['insert', 'update', 'delete'].map((role) => [
          `operation_${role}_properties`,
          { datatype: '{{@ datatype @}}', primaryKey },
        ]),
      ),
    });
    const given = datatypesOf({
      contact: { pattern: 'collect', options: share('ContactId') },
      person: { pattern: 'collect', options: share('PersonId') },
      sale: { pattern: 'collect', options: share('SaleId') },
    });
    const { datatypes, defaults } = hoistDatatypeDefaults(given, datatypePatterns);
    const role = (value: object) =>
      Object.fromEntries(['insert', 'update', 'delete'].map((r) => [`operation_${r}_properties`, value]));
    expect(plain(defaults)).toEqual({
      collect: { options: { shareTemplateProperties: role({ datatype: '{{@ datatype @}}' }) } },
    });
    expect(plain(datatypes).person).toEqual({
      pattern: 'collect',
      options: { shareTemplateProperties: role({ primaryKey: 'PersonId' }) },
    });
  });

  it('keeps a member an option schema requires in a partial value (a DTL rules object names its default)', () => {
    const rules = { default: [['copy', '*']], 'add-id': [['add', '_id', '_S.id']] };
    const given = datatypesOf({
      a: { pattern: 'collect', options: { collectRules: rules } },
      b: { pattern: 'collect', options: { collectRules: rules } },
      c: {
        pattern: 'collect',
        options: { collectRules: { ...rules, 'add-id': [['add', '_id', '_S.key']] } },
      },
    });
    const { datatypes, defaults } = hoistDatatypeDefaults(given, datatypePatterns);
    expect(plain(defaults)).toEqual({ collect: { options: { collectRules: rules } } });
    expect(plain(datatypes).c).toEqual({
      pattern: 'collect',
      options: { collectRules: { 'add-id': [['add', '_id', '_S.key']], default: [['copy', '*']] } },
    });
  });

  it('leaves raw datatypes, reusing datatypes and a value only one datatype has alone', () => {
    const given = datatypesOf({
      a: { pattern: 'collect', options: { scheduleInterval: 600 } },
      b: { pattern: 'collect', reuse: 'a' },
      c: { pattern: 'raw', template: 'templates/c.json' },
      d: { pattern: 'collect', options: { scheduleInterval: 60 } },
    });
    const { datatypes, defaults } = hoistDatatypeDefaults(given, datatypePatterns);
    expect(defaults).toBeUndefined();
    expect(plain(datatypes)).toEqual(plain(given));
  });
});
