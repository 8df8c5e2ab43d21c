// Parses Mermaid texts with Mermaid's own parser (the flowchart grammar mermaid.parse and the
// renderer use), in a plain Node process: mermaid is ESM and sanitises labels with DOMPurify, which
// needs a DOM, so a jsdom window stands in for the browser's. Reads a JSON array of texts on stdin;
// writes a JSON array with, per text, either { error } or the parsed graph: its vertices (id, text),
// edges (start, end, text, stroke) and subgraphs (id, title, nodes). Used by the diagram tests.
import { JSDOM } from 'jsdom';

const { window } = new JSDOM('');
globalThis.window = window;
globalThis.document = window.document;
const mermaid = (await import('mermaid')).default;
mermaid.initialize({ startOnLoad: false });

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const texts = JSON.parse(Buffer.concat(chunks).toString('utf8'));

/**
 * A label as a reader sees it: Mermaid keeps entity codes (`#34;`) as placeholders until it draws
 * (its decodeEntities), and the browser turns the resulting `&#34;` into the character.
 */
const shown = (text) =>
  String(text)
    .replace(/ﬂ°°(\d+)¶ß/g, (_, code) => String.fromCodePoint(Number(code)))
    .replace(/ﬂ°(\w+)¶ß/g, (_, name) => ({ quot: '"', amp: '&', lt: '<', gt: '>' })[name] ?? `&${name};`);

// Texts already parsed (the corpus has many connectors on several branches with the same diagrams).
const seen = new Map();
const results = [];
for (const text of texts) {
  if (seen.has(text)) {
    results.push(seen.get(text));
    continue;
  }
  try {
    // The parse mermaid.parse and the renderer run (it also enforces maxEdges).
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
    const { db } = diagram;
    seen.set(text, {
      type: diagram.type,
      vertices: [...db.getVertices().values()].map((v) => ({
        id: v.id,
        text: shown(v.text),
        type: v.type ?? null,
      })),
      edges: db
        .getEdges()
        .map((e) => ({ start: e.start, end: e.end, text: shown(e.text), stroke: e.stroke })),
      subgraphs: db.getSubGraphs().map((s) => ({ id: s.id, title: shown(s.title), nodes: s.nodes })),
      classes: [...db.getClasses().keys()],
    });
  } catch (error) {
    seen.set(text, { error: String(error?.message ?? error) });
  }
  results.push(seen.get(text));
}
process.stdout.write(JSON.stringify(results));
