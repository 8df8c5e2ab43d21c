import { formatJsonPath as formatPath, type JsonPath } from '../json';

export type { JsonPath };

/** Keys that print as `.key` in expand and validate messages (datatype names may hold '-'). */
const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/**
 * A JSON path as expand and validate messages show it: `datatypes.customer.template`,
 * `[2].source.operation`, `datatypes["my type"]`; the root is `$`.
 */
export const formatMessagePath = (path: JsonPath): string => formatPath(path, { plainKey: PLAIN_KEY }) || '$';
