import type { DatatypePattern } from '../types';

export const rawPattern: DatatypePattern = {
  name: 'raw',
  description:
    "A hand-written template kept verbatim in the package's raw/ folder (`template`: path relative to connector/); copied byte for byte, nothing rendered.",
  options: {},
  pipes: [],
  operationRoles: () => [],
};
