import { toJsonText, type JsonWritable } from '../json';

/**
 * The `json(value)` helper of the pack templates (`<%- json(value) %>`): the value as JSON text on
 * one line, so a template line stays one output line and error positions point at it. Strings
 * come out as JSON strings (quotes, backslashes, newlines and non-ASCII escaped), so no value
 * from connector.json can break the JSON or be read as ejs.
 */
export function json(value: unknown): string {
  if (value === undefined) {
    throw new TypeError(
      'json() got undefined: the template inserts a value that is not set (check the option name, or guard it with an if)',
    );
  }
  return toJsonText(value as JsonWritable);
}
