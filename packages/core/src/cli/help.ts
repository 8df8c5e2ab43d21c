/** Help texts. */

export const MAIN_HELP = `Usage: sesam-connectors <command> [options]

Commands:
  expand [<connector dir>]     Expand a connector into Sesam node configuration, byte for byte
                               what sesam-py's "sesam expand" writes (no node, JWT or Python needed)
  validate [<connector dir>]   Check a connector with "sesam validate"'s rules and stricter ones
  diagram [<connector dir>]    Print the connector's data flow as a Mermaid flowchart
  drift <connector dir>…       What importing these connector folders would do: pattern, options
                               and patches per datatype, and the most common deviations per role
  help [<command>]             Show help for a command

Options:
  -h, --help                   Show help
  --version                    Show the version

Exit codes: 0 ok, 1 errors found or expansion failed, 2 wrong usage.`;

const SHARED = `  --system-placeholder <id>    The {{@ system @}} value (default xxxxxx)
  --profile <name>             Profile: names <name>-env.json (default test; sesam-py's -profile works too)
  -d <connector dir>           The connector folder, as sesam-py spells it
  -h, --help                   Show this help`;

export const EXPAND_HELP = `Usage: sesam-connectors expand [<connector dir>] [options]

Expands the connector in <connector dir> (default: the current folder, which must hold manifest.json)
into the node configuration "sesam expand" writes: node-metadata.conf.json, <profile>-env.json,
pipes/<id>.conf.json and systems/<id>.conf.json.

Options:
  -e, --expanded-dir <dir>     Output folder, relative to the connector folder (default .expanded).
                               It is replaced as a whole, atomically: on any error it stays as it was.
  --compat                     Do exactly what sesam expand does with undefined {{@ variables @}}:
                               render them as "" (reported as warnings). By default they are errors
                               and nothing is written.
  --dry-run                    Expand and report, but write nothing
${SHARED}

Example: sesam-connectors expand connectors/shopify -e .expanded --system-placeholder shopify`;

export const VALIDATE_HELP = `Usage: sesam-connectors validate [<connector dir>] [options]

Expands the connector in memory (nothing is written) and checks it: every rule "sesam validate"
applies (rule ids sesam/...) and stricter ones (strict/...). Each finding names the file to fix,
the JSON path in it, the rule, a message and a hint.

Options:
  --format text|json           Output format (default text: one line per finding,
                               "file:jsonpath  severity  rule  message (hint)")
  --compat                     Report undefined {{@ variables @}} as warnings, not errors
${SHARED}

Exit code 1 when any finding is an error (warnings alone exit 0).`;

export const DIAGRAM_HELP = `Usage: sesam-connectors diagram [<connector dir>] [options]

Prints the data flow of the connector in <connector dir> (default: the current folder, which must
hold manifest.json) as a Mermaid flowchart, read from its expansion (nothing is written): the system,
every pipe, the datasets between them (sources, merge sources, hops, exclude_completeness), the
webhook receiver and the REST calls back to the system. Paste it into a \`\`\`mermaid block (GitHub
draws it) or https://mermaid.live.

Options:
  --datatype <name>            One datatype's pipes and what they link to (default: the whole
                               connector, one box per datatype; above Mermaid's 500 edges each
                               datatype is one node)
  --system-placeholder <id>    The {{@ system @}} value (default xxxxxx); left out of the labels
  -d <connector dir>           The connector folder, as sesam-py spells it
  -h, --help                   Show this help

Example: sesam-connectors diagram packages/connectors/shopify/connector --datatype order`;

export const DRIFT_HELP = `Usage: sesam-connectors drift <connector dir>… [options]

Plans the import of each connector folder (manifest.json + templates/, as for
"nx g @sesam-connectors/core:import") and prints what it would make, without writing anything:
per connector and datatype the pattern, the options and the patch (size, and what it changes),
whether the system template and manifest are rendered or copied, and the bytes the package's
author would keep against the source's; then per pipe role how many datatypes need no patch and
the most common deviations across the folders given. Read it before migrating connectors: a
deviation many connectors share is an option the pattern pack lacks, and one connector's odd
deviation is often an upstream mistake.

Options:
  --format text|markdown|json  Output format (default text; markdown for a pull request or issue)
  --figures                    Also prove each plan (its build, expanded like "expand --compat",
                               gives byte for byte the node config of the source) and print the
                               adoption figures: equivalent connectors, datatypes on patterns and
                               with no patch, authored / source bytes
  -h, --help                   Show this help

Exit code 1 when the import refuses a folder or (with --figures) a plan is not equivalent.`;
