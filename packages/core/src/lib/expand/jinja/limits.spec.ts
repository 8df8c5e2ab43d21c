import { compileTemplate, JinjaError } from './index';
import { RENDER_LIMITS } from './limits';

const failure = (source: string): JinjaError => {
  try {
    compileTemplate(source, 'templates/t.json').render(new Map());
  } catch (error) {
    if (error instanceof JinjaError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(source)} to fail`);
};

describe('the work of one render is bounded (RENDER_LIMITS)', () => {
  it.each([
    [
      "{{@ 'a' * 999999999 @}}",
      'a repeated string or list (999,999,999) exceeds the limit of 10,000,000 (RENDER_LIMITS.valueLength)',
    ],
    ['{{@ [1, 2] * 99999999999999999999 @}}', 'RENDER_LIMITS.valueLength'],
    [
      '{{% for i in range(99999999) %}}x{{% endfor %}}',
      'the range (99,999,999) exceeds the limit of 1,000,000 (RENDER_LIMITS.rangeLength)',
    ],
    [
      '{{% for i in range(1000000) %}}{{% for j in range(1000000) %}}{{% endfor %}}{{% endfor %}}',
      'RENDER_LIMITS.loopIterations',
    ],
    [
      "{{% for i in range(1000000) %}}{{@ 'abcdefghijklmnopqrstuvwxyz' @}}{{% endfor %}}",
      'the rendered text',
    ],
    ["{{% set s = 'ab' * 4000000 %}}{{@ s + s @}}", 'a string or list (16,000,000) exceeds'],
    ["{{@ ('a' * 9000000) | replace('a', 'bb') @}}", 'RENDER_LIMITS.valueLength'],
    ['{{@ 2 ** 99999999 @}}', 'the integer power'],
  ])('%s stops with a LimitError', (source, message) => {
    const error = failure(source);
    expect(error.pythonType).toBe('LimitError');
    expect(error.reason).toContain(message);
    expect(error.line).toBe(1);
  });

  it('leaves generous room: a loop and values far larger than any real connector render', () => {
    const text = compileTemplate(
      "{{% for i in range(100000) %}}{{@ i @}},{{% endfor %}}{{@ 'x' * 1000000 @}}",
      'templates/t.json',
    ).render(new Map());
    expect(text.length).toBeGreaterThan(1_000_000);
    expect(RENDER_LIMITS.rangeLength).toBeGreaterThanOrEqual(100_000); // Jinja's sandbox's own cap
  });
});
