/**
 * Items of a comma-separated option. Nx passes a string from the command line (or an array when an
 * `array` option is split for us, or when called from code); blanks around items and empty items
 * are dropped.
 */
export const parseCommaList = (value: string | readonly string[] | undefined): string[] =>
  (typeof value === 'string' ? value.split(',') : [...(value ?? [])].flatMap((v) => v.split(',')))
    .map((item) => item.trim())
    .filter((item) => item !== '');
