import { compileTemplate } from './jinja';
import type { LoadedTemplate } from './template-loader';

/**
 * The development shim sesam-py appends for every datatype: `<system>-<datatype>-transform` reads the
 * datatype's collect dataset and adds `$based_on` (the collected properties), standing in for Sesam
 * Talk's model mapping. It is rendered like any template, with only `system` (the original
 * placeholder) and `datatype` in its context, so both are inserted raw.
 */
const SHIM_TEMPLATE = `{
  "_id": "{{@ system @}}-{{@ datatype @}}-transform",
  "type": "pipe",
  "source": {
    "type": "dataset",
    "dataset": "{{@ system @}}-{{@ datatype @}}-collect",
    "supports_signalling": false
  },
  "transform": {
    "type": "dtl",
    "rules": {
      "default": [
        ["add", "$based_on", ["apply", "based-on", "_S."]],
        ["copy", "*"]
      ],
      "based-on": [
        ["copy", "*", ["list", "_*", "$*"]]
      ]
    }
  }
}
`;

/** Where shim problems are reported: the shim belongs to no connector file. */
export const SHIM_NAME = 'shim.json';

export const SHIM: LoadedTemplate = {
  name: SHIM_NAME,
  file: SHIM_NAME,
  text: SHIM_TEMPLATE,
  compiled: compileTemplate(SHIM_TEMPLATE, SHIM_NAME),
};
