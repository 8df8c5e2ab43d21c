import { colourEnabled, reportStyle } from './colour';

describe('colourEnabled', () => {
  const terminal = { isTTY: true };
  const pipe = { isTTY: false };

  it('colours a terminal and not a pipe, a file or a dumb terminal', () => {
    expect(colourEnabled(terminal, {})).toBe(true);
    expect(colourEnabled(pipe, {})).toBe(false);
    expect(colourEnabled({}, {})).toBe(false);
    expect(colourEnabled(terminal, { TERM: 'dumb' })).toBe(false);
  });

  it('CI alone does not turn colour on for a pipe', () => {
    expect(colourEnabled(pipe, { CI: 'true' })).toBe(false);
  });

  it('NO_COLOR (not empty) turns colour off on a terminal', () => {
    expect(colourEnabled(terminal, { NO_COLOR: '1' })).toBe(false);
    expect(colourEnabled(terminal, { NO_COLOR: '' })).toBe(true);
  });

  it('FORCE_COLOR colours a pipe and wins over NO_COLOR; 0 and false turn colour off', () => {
    expect(colourEnabled(pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(colourEnabled(pipe, { FORCE_COLOR: 'true' })).toBe(true);
    expect(colourEnabled(pipe, { FORCE_COLOR: '3', NO_COLOR: '1' })).toBe(true);
    expect(colourEnabled(terminal, { FORCE_COLOR: '0' })).toBe(false);
    expect(colourEnabled(terminal, { FORCE_COLOR: 'false' })).toBe(false);
    expect(colourEnabled(pipe, { FORCE_COLOR: '' })).toBe(false);
  });
});

describe('reportStyle', () => {
  it('is the identity without colour, and red / yellow / green with it', () => {
    expect(reportStyle(false).error('error')).toBe('error');
    expect(reportStyle(true).error('error')).toBe('\u001b[31merror\u001b[39m');
    expect(reportStyle(true).warning('warning')).toBe('\u001b[33mwarning\u001b[39m');
    expect(reportStyle(true).ok('valid')).toBe('\u001b[32mvalid\u001b[39m');
  });
});
