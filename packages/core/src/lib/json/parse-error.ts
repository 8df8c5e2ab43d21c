/** Where a parse error is, counted as Python counts: `pos` in code points, 1-based line and column. */
export interface JsonErrorPosition {
  readonly pos: number;
  readonly line: number;
  readonly column: number;
}

/** The Python exception `json.loads` raises for the same input. */
export type PythonJsonErrorType = 'json.decoder.JSONDecodeError' | 'ValueError' | 'RecursionError';

/**
 * JSON that Python's `json.loads` would reject. `reason` and the position use Python's wording and
 * counting, so `pythonMessage` is exactly `str(error)` in Python, e.g.
 * "Expecting ',' delimiter: line 10 column 11 (char 262)"; `message` prefixes the file when known.
 */
export class JsonParseError extends Error {
  override readonly name = 'JsonParseError';
  readonly reason: string;
  readonly pos: number;
  readonly line: number;
  readonly column: number;
  readonly file: string | undefined;
  readonly pythonType: PythonJsonErrorType;
  /** Python's `str(error)`: for a JSONDecodeError the reason and position, otherwise the reason alone. */
  readonly pythonMessage: string;

  constructor(
    reason: string,
    position: JsonErrorPosition,
    file?: string,
    pythonType: PythonJsonErrorType = 'json.decoder.JSONDecodeError',
  ) {
    const located = `${reason}: line ${position.line} column ${position.column} (char ${position.pos})`;
    super(file === undefined ? located : `${file}: ${located}`);
    this.reason = reason;
    this.pos = position.pos;
    this.line = position.line;
    this.column = position.column;
    this.file = file;
    this.pythonType = pythonType;
    this.pythonMessage = pythonType === 'json.decoder.JSONDecodeError' ? located : reason;
  }
}

/**
 * Converts a UTF-16 index into `text` to Python's position: code points (a surrogate pair is one
 * character), line = newlines before it + 1, column = distance from the last newline before it.
 */
export function pythonPosition(text: string, index: number): JsonErrorPosition {
  let pos = 0;
  let line = 1;
  let lastNewline = -1;
  for (let i = 0; i < index; i++, pos++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      lastNewline = pos;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < index && isLowSurrogate(text.charCodeAt(i + 1))) {
      i++;
    }
  }
  return { pos, line, column: pos - lastNewline };
}

const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
