import { NAME_PATTERN } from '../lib/config/names';
import { DATATYPE_PATTERN_NAMES } from '@sesam-connectors/template-pack';
import { AUTH_TYPES } from '../lib/config/types';
import { generatorSchema } from './testing/terminal';

/**
 * Names are checked by Nx at the prompt (and on the command line) through the schemas' `pattern`;
 * the schemas must spell the engine's own naming rule.
 */
describe('generator schemas', () => {
  const property = (generator: 'connector' | 'datatype' | 'import', name: string) =>
    generatorSchema(generator).properties[name] as { pattern?: string; enum?: unknown; minLength?: number };

  it("system and datatype names use the engine's naming rule", () => {
    expect(property('connector', 'system').pattern).toBe(NAME_PATTERN.source);
    expect(property('import', 'system').pattern).toBe(NAME_PATTERN.source);
    expect(property('datatype', 'name').pattern).toBe(NAME_PATTERN.source);
  });

  it('--connector takes a system name or its project name', () => {
    expect(property('datatype', 'connector').pattern).toBe(
      NAME_PATTERN.source.replace(/\$$/, '(-connector)?$'),
    );
  });

  it('choice lists have no enum, which would make Nx show bare values instead of the x-prompt labels', () => {
    expect(property('connector', 'auth').enum).toBeUndefined();
    expect(property('datatype', 'pattern').enum).toBeUndefined();
  });

  it('the choice lists offer exactly the values the generators accept', () => {
    const values = (generator: 'connector' | 'datatype', name: string) =>
      (generatorSchema(generator).properties[name] as { 'x-prompt': { items: { value: string }[] } })[
        'x-prompt'
      ].items
        .map((item) => item.value)
        .sort();
    expect(values('connector', 'auth')).toEqual([...AUTH_TYPES].sort());
    expect(values('datatype', 'pattern')).toEqual([...DATATYPE_PATTERN_NAMES].sort());
  });

  it('a required free-text answer cannot be empty', () => {
    expect(property('connector', 'datatypes').minLength).toBe(1);
    expect(property('import', 'source').minLength).toBe(1);
  });
});
