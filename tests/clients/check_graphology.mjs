// Parses trame's GraphML and GEXF with graphology (what Gephi Lite uses) and
// compares them with what trame meant to write.
//
// Usage: node check_graphology.mjs DIR
//
// DIR holds graph.graphml, graph.gexf and expected.json (see
// check_networkx.py for its shape; node i is GraphML's n<i>, edge i is e<i>).
// Types must match: an int comes back as an integral number, the weight as a
// number. On the first difference the script prints it on stderr and exits
// 1; otherwise it prints a JSON summary on stdout. The `evidence` column holds
// every sentence, one JSON object a line: its first text is compared with
// "evidence", and every line with "evidence_lines".

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const graphology = require('graphology');
const graphml = require('graphology-graphml');
const gexf = require('graphology-gexf');

const ALIAS_SEPARATOR = ' | ';

class Mismatch extends Error {}

function same(client, what, got, want) {
  let ok;
  if (want === null) ok = got === undefined || got === null;
  else if (typeof want === 'number') ok = typeof got === 'number' && got === want;
  else if (Array.isArray(want)) ok = JSON.stringify(got) === JSON.stringify(want);
  else ok = got === want;
  if (!ok) {
    throw new Mismatch(`${client}: ${what}: got ${JSON.stringify(got)} (${typeof got}), want ${JSON.stringify(want)}`);
  }
}

// Control characters other than newline and tab dropped, as tests/clients.rs does.
function clean(s) {
  return [...s].filter((c) => c === '\n' || c === '\t' || !(/\p{Cc}/u.test(c) || c === '\ufffe' || c === '\uffff')).join('');
}

function evidenceOf(value) {
  return typeof value === 'string' && value ? value.split('\n').map((line) => JSON.parse(line)) : [];
}

function aliases(value) {
  return value ? value.split(ALIAS_SEPARATOR) : [];
}

function compare(client, graph, nodeKey, expected) {
  const ids = expected.nodes.map((n) => n.id);
  same(client, 'node count', graph.order, expected.nodes.length);
  same(client, 'edge count', graph.size, expected.edges.length);
  expected.nodes.forEach((want, i) => {
    const key = nodeKey(want, i);
    if (!graph.hasNode(key)) throw new Mismatch(`${client}: node ${key} missing`);
    const a = graph.getNodeAttributes(key);
    const got = { id: want.id, label: a.label, kind: a.kind, mentions: a.mentions, aliases: aliases(a.aliases) };
    for (const [field, value] of Object.entries(want)) same(client, `node ${i} (${want.id}) ${field}`, got[field], value);
  });
  const keyToId = new Map(expected.nodes.map((n, i) => [nodeKey(n, i), ids[i]]));
  expected.edges.forEach((want, i) => {
    const key = `e${i}`;
    if (!graph.hasEdge(key)) throw new Mismatch(`${client}: edge ${key} missing (parallel edges merged?)`);
    const a = graph.getEdgeAttributes(key);
    const lines = evidenceOf(a.evidence);
    const got = {
      ...a,
      evidence: lines.length ? clean(lines[0].text) : null,
      source: keyToId.get(graph.source(key)),
      target: keyToId.get(graph.target(key)),
    };
    const sentences = lines.map((e) => ({ doc: e.doc, rule: e.rule, sentence: e.sentence, text: e.text }));
    same(client, `edge ${i} evidence lines`, sentences, expected.evidence_lines[i]);
    for (const [field, value] of Object.entries(want)) {
      same(client, `edge ${i} (${want.source} ${want.relation}) ${field}`, got[field], value);
    }
  });
  return { nodes: graph.order, edges: graph.size, multi: graph.multi, type: graph.type };
}

const dir = process.argv[2].replace(/\/$/, '') + '/';
const expected = JSON.parse(readFileSync(dir + 'expected.json', 'utf8'));
try {
  const gm = graphml.parse(graphology.MultiDirectedGraph, readFileSync(dir + 'graph.graphml', 'utf8'));
  const gx = gexf.parse(graphology.MultiDirectedGraph, readFileSync(dir + 'graph.gexf', 'utf8'));
  const summary = {
    graphology_graphml: compare('graphology-graphml', gm, (_, i) => `n${i}`, expected),
    graphology_gexf: compare('graphology-gexf', gx, (n) => n.id, expected),
  };
  console.log(JSON.stringify(summary));
} catch (e) {
  if (!(e instanceof Mismatch)) throw e;
  console.error(`check_graphology.mjs: ${dir}: ${e.message}`);
  process.exit(1);
}
