// Loads the tools' TypeScript with @swc-node/register (no build step), compiled with tools/tsconfig.json.
// The variable is only set while registering, so the Nx builds these tools start do not inherit it.
'use strict';
const path = require('node:path');

exports.loadTypeScript = (entry) => {
  const previous = process.env.SWC_NODE_PROJECT;
  process.env.SWC_NODE_PROJECT = path.join(__dirname, '..', '..', 'tsconfig.json');
  try {
    require('@swc-node/register');
  } finally {
    if (previous === undefined) delete process.env.SWC_NODE_PROJECT;
    else process.env.SWC_NODE_PROJECT = previous;
  }
  return require(entry);
};
