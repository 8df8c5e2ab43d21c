import { datatypePatterns, findDatatypePattern, withDefaults } from '@sesam-connectors/template-pack';
import { normalizeConfig } from '../../../lib/config/normalize';
import { toConfigValue } from '../../../lib/config/config-value';
import type { ConfigObject } from '../../../lib/config/types';
import { parseJson, toCanonicalJson, toJsonText, type JsonObject } from '../../../lib/json';
import { hoistDatatypeDefaults } from './datatype-defaults';
import { hoistWithPresets } from './pattern-presets';

const datatypesOf = (value: unknown) => parseJson(JSON.stringify(value)) as JsonObject;
const plain = (value: unknown) => JSON.parse(toCanonicalJson(value as JsonObject));
const size = (value: JsonObject | undefined) =>
  value === undefined ? 0 : toJsonText(value, { compact: true }).length;

/** Every datatype's options as the build renders with them (the pattern's defaults, its preset, datatypeDefaults, its own). */
const effective = (datatypes: JsonObject, defaults?: JsonObject) => {
  const value = {
    system: 'acme',
    datatypes: plain(datatypes),
    ...(defaults ? { datatypeDefaults: plain(defaults) } : {}),
  };
  const config = normalizeConfig(toConfigValue(parseJson(JSON.stringify(value))) as ConfigObject);
  return Object.fromEntries(
    Object.entries(config.datatypes).map(([name, d]) => [
      name,
      withDefaults(findDatatypePattern(d.pattern)!, plain(parseJson(JSON.stringify(d.options)))),
    ]),
  );
};

const PLAIN = {
  collectSource: 'api',
  collectTemplate: 'none',
  excludeCompleteness: false,
  collectPump: false,
  copyAll: false,
};

describe('hoistWithPresets', () => {
  it("starts the collect datatypes from the plain preset when that is shorter, stating the pattern's default where one relied on it", () => {
    const given = datatypesOf({
      a: { pattern: 'collect', options: { ...PLAIN, supportsSince: true } },
      b: { pattern: 'collect', options: PLAIN },
      c: { pattern: 'collect', options: { ...PLAIN, copyAll: undefined } },
      d: { pattern: 'webhook', options: { collectPump: false } },
    });
    const { datatypes, defaults } = hoistWithPresets(given, datatypePatterns, hoistDatatypeDefaults);
    expect(plain(defaults)).toEqual({ collect: { preset: 'plain' } });
    expect(plain(datatypes)).toEqual({
      a: { pattern: 'collect', options: { supportsSince: true } },
      b: { pattern: 'collect' },
      c: { pattern: 'collect', options: { copyAll: true } },
      d: { pattern: 'webhook', options: { collectPump: false } },
    });
    expect(effective(datatypes, defaults)).toEqual(effective(given));
    expect(size(datatypes) + size(defaults)).toBeLessThan(size(given));
  });

  it('keeps to the pattern defaults (and the usual hoisting) where the preset would cost more', () => {
    const given = datatypesOf({
      a: { pattern: 'collect', options: { supportsSince: true } },
      b: { pattern: 'collect', options: { supportsSince: true } },
      c: { pattern: 'collect', options: { supportsSince: true } },
    });
    const { datatypes, defaults } = hoistWithPresets(given, datatypePatterns, hoistDatatypeDefaults);
    expect(plain(defaults)).toEqual({ collect: { options: { supportsSince: true } } });
    expect(plain(datatypes)).toEqual({
      a: { pattern: 'collect' },
      b: { pattern: 'collect' },
      c: { pattern: 'collect' },
    });
  });

  it('uses the preset for a single datatype too, with the options hoisting leaves it', () => {
    const given = datatypesOf({
      only: { pattern: 'collect', options: { ...PLAIN, identifiers: 'add_namespaces' } },
    });
    const { datatypes, defaults } = hoistWithPresets(given, datatypePatterns, hoistDatatypeDefaults);
    expect(plain(defaults)).toEqual({ collect: { preset: 'plain' } });
    expect(plain(datatypes)).toEqual({
      only: { pattern: 'collect', options: { identifiers: 'add_namespaces' } },
    });
    expect(effective(datatypes, defaults)).toEqual(effective(given));
  });
});
