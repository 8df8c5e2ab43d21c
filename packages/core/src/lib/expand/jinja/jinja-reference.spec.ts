import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { JsonObject, parseJson } from '../../json';
import { compileTemplate, fromJson, JinjaError } from './index';

// Cases rendered by the real Jinja 3.1.6 set up as sesam-py sets it up (recorded by
// test/fixtures/expand/generate-jinja-reference.py): this engine must print the same text or fail
// with the same exception class and message.
interface Reference {
  readonly context: string;
  readonly cases: readonly {
    template: string;
    name: string;
    jinja: { ok: string } | { error: string; message: string };
  }[];
}
const reference: Reference = JSON.parse(
  readFileSync(path.resolve(__dirname, '../../../../test/fixtures/expand/jinja-reference.json'), 'utf8'),
);
const context = new Map(
  [...(parseJson(reference.context) as JsonObject)].map(([key, value]) => [key, fromJson(value)]),
);

/** Known differences, each for a stated reason. */
const DEVIATIONS: Record<string, string> = {
  '{{@ d.k @}} {{@ d["n"] @}} {{@ d.items @}} {{@ d.nope @}}|':
    'Python prints a bound method with its memory address',
  '{{@ s.upper @}}': 'Python prints a bound method with its memory address',
  '{{@ "%s" % n @}}': 'printf-style % formatting is not implemented (reported as unsupported)',
  '{{@ n.real @}}|': 'attributes of numbers are not implemented (undefined, prints "")',
  '{{@ l.append @}}|': 'list methods are not implemented (undefined, prints "")',
};

function outcome(template: string, name: string): { ok: string } | { error: string; message: string } {
  try {
    return { ok: compileTemplate(template, name).render(context) };
  } catch (error) {
    if (!(error instanceof JinjaError)) throw error;
    return { error: error.pythonType, message: error.reason };
  }
}

describe('the engine against recorded Jinja output', () => {
  const matching = reference.cases.filter((c) => !(c.template in DEVIATIONS));

  it('covers many cases, and every listed deviation is one of them', () => {
    expect(matching.length).toBeGreaterThan(200);
    expect(
      Object.keys(DEVIATIONS).every((template) => reference.cases.some((c) => c.template === template)),
    ).toBe(true);
  });

  it.each(matching.map((c) => [c.name, c.template, c.jinja] as const))('%s: %j', (name, template, jinja) => {
    expect(outcome(template, name)).toEqual(jinja);
  });

  it.each(Object.entries(DEVIATIONS))('differs on %j: %s', (template) => {
    const recorded = reference.cases.find((c) => c.template === template)!;
    expect(outcome(template, recorded.name)).not.toEqual(recorded.jinja);
  });
});
