// trame's page: draws the graph laid out by trame, searches names as
// `trame path` resolves them, filters edges, shows every piece of evidence
// of an actor, and finds the path `trame path` finds. No network.
(function () {
  "use strict";
  const D = JSON.parse(document.getElementById("trame-data").textContent);
  const N = D.nodes.length;
  const E = D.edges.length;
  const $ = (id) => document.getElementById(id);
  const COLORS = { person: "#d9534f", country: "#2b7bba", organization: "#3c9d5d", location: "#8e6bbf", role: "#c98a1b", claim: "#8a8f98" };
  const REL_COLORS = ["#c98a1b", "#6f8fb8", "#b03a2e", "#8a8f98", "#8e6bbf", "#5b6472", "#3c9d5d", "#1f9aa6", "#2b7bba", "#a83279", "#d4752b", "#7d1e1e", "#2e7d32", "#b0b4ba"];
  const SYMMETRIC = new Set(["met", "allied_with"]);
  const kindOf = (u) => D.kinds[D.nodes[u][2]];
  const label = (u) => D.nodes[u][1];
  const isActor = (u) => D.actors[D.nodes[u][2]];

  // ---- Names, as graph::query::resolve reads them ----
  const BASE = { "œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "ł": "l", "đ": "d", "ı": "i", "ħ": "h", "ŧ": "t", "ŀ": "l" };
  function fold(s) {
    return s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[œæßøłđıħŧŀ]/g, (c) => BASE[c]);
  }
  function slug(s) {
    let out = "";
    for (const c of fold(s)) {
      if (/[a-z0-9]/.test(c)) out += c;
      else if (out && !out.endsWith("-")) out += "-";
    }
    out = out.replace(/-+$/, "");
    if (!out) for (const c of s) if (/[\p{L}\p{N}]/u.test(c)) out += "u" + c.codePointAt(0).toString(16);
    return out;
  }
  const names = (u) => [label(u)].concat(D.nodes[u][3]);
  const byId = new Map(D.nodes.map((n, i) => [n[0], i]));
  let slugs = null; // per node: [label slug, [alias slugs], [word slugs]]
  function slugsOf(u) {
    if (!slugs) slugs = D.nodes.map((n, i) => {
      const words = kindOf(i) === "person" ? names(i).flatMap((f) => f.split(/\s+/).filter(Boolean).map(slug)) : [];
      return [slug(n[1]), n[3].map(slug), words];
    });
    return slugs[u];
  }
  function within(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return null;
    let row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const next = [i];
      let best = i;
      for (let j = 1; j <= b.length; j++) {
        const v = Math.min(row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1), row[j] + 1, next[j - 1] + 1);
        next.push(v);
        if (v < best) best = v;
      }
      if (best > max) return null;
      row = next;
    }
    return row[b.length] <= max ? row[b.length] : null;
  }
  function decide(found, how) {
    if (found.length === 0) return null;
    if (found.length === 1) return { found: found[0], how };
    return { ambiguous: found };
  }
  const all = () => Array.from({ length: N }, (_, i) => i);
  function resolve(name) {
    name = name.trim();
    if (byId.has(name)) return { found: byId.get(name) };
    let r = decide(all().filter((i) => label(i) === name));
    if (r) return r;
    const key = slug(name);
    if (!key) return { unknown: [] };
    r = decide(all().filter((i) => slugsOf(i)[0] === key));
    if (r) return r;
    const alias = all().filter((i) => D.nodes[i][3].some((a, k) => a === name || slugsOf(i)[1][k] === key));
    const words = /\s/.test(name) ? [] : all().filter((i) => kindOf(i) === "person" && slugsOf(i)[2].includes(key));
    const both = Array.from(new Set(alias.concat(words))).sort((a, b) => a - b);
    r = decide(both, alias.length ? null : "single name");
    if (r) return r;
    const chars = Array.from(key);
    if (chars.length > 200) return { unknown: [] };
    const limit = Math.min(Math.max(Math.floor(chars.length / 3), 2), 8);
    const scored = [];
    for (let i = 0; i < N; i++) {
      const [ls, as, ws] = slugsOf(i);
      let best = null;
      for (const s of [ls].concat(as, ws)) {
        const d = within(chars, Array.from(s), best === null ? limit : best - 1);
        if (d !== null) best = d;
      }
      if (best !== null) scored.push([best, i]);
    }
    scored.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const close = scored.filter((s) => s[0] <= 1);
    if (close.length === 1 && chars.length >= 5) return { found: close[0][1], how: "closest spelling" };
    return { unknown: scored.slice(0, 5).map((s) => s[1]) };
  }

  // ---- The undirected view, rows sorted by (neighbour, edge) as graph::index builds them ----
  const adj = Array.from({ length: N }, () => []);
  D.edges.forEach((e, i) => { adj[e[0]].push([e[1], i]); adj[e[1]].push([e[0], i]); });
  adj.forEach((row) => row.sort((a, b) => a[0] - b[0] || a[1] - b[1]));

  // The first path of `trame path FROM TO` (graph::query::k_shortest_paths, k = 1, through actors).
  function shortestPath(s, t) {
    if (s === t) return [s];
    const parent = new Int32Array(N).fill(-1);
    const seen = new Uint8Array(N);
    seen[s] = 1;
    let frontier = [s];
    while (frontier.length) {
      const next = [];
      for (const u of frontier) {
        for (const [v] of adj[u]) {
          if (seen[v]) continue;
          if (v !== t && !isActor(v)) continue;
          seen[v] = 1;
          parent[v] = u;
          if (v === t) {
            const path = [t];
            for (let at = t; at !== s;) { at = parent[at]; path.push(at); }
            return path.reverse();
          }
          next.push(v);
        }
      }
      frontier = next;
    }
    return null;
  }

  // ---- Filters ----
  const dates = Array.from(new Set(D.evidence.map((ev) => ev[4]).filter(isFull))).sort();
  function isFull(d) { return typeof d === "string" && /^\d{4}-\d\d-\d\d$/.test(d); }
  const F = {
    kinds: D.kinds.map((k) => k !== "role" && k !== "claim"),
    rels: D.relations.map(() => true),
    mods: D.modalities.map(() => true),
    doc: -1, from: 0, to: Math.max(dates.length - 1, 0), undated: true,
  };
  const narrowed = () => F.doc >= 0 || !F.undated || (dates.length > 0 && (F.from > 0 || F.to < dates.length - 1));
  function evidenceOk(k) {
    const ev = D.evidence[k];
    if (F.doc >= 0 && ev[0] !== F.doc) return false;
    if (!isFull(ev[4])) return F.undated;
    if (!dates.length) return true;
    const end = isFull(ev[5]) ? ev[5] : ev[4];
    return end >= dates[F.from] && ev[4] <= dates[F.to];
  }
  let edgeOk = new Uint8Array(E);
  let nodeLive = new Uint8Array(N);
  function applyFilters() {
    nodeLive.fill(narrowed() ? 0 : 1);
    for (let i = 0; i < E; i++) {
      const e = D.edges[i];
      edgeOk[i] = F.rels[e[2]] && F.mods[e[3]] && e[4].some(evidenceOk) ? 1 : 0;
      if (edgeOk[i]) { nodeLive[e[0]] = 1; nodeLive[e[1]] = 1; }
    }
    draw();
    drawTimeline();
    if (selected >= 0) panelFor(selected);
  }

  // ---- What is shown ----
  const shown = new Uint8Array(N);
  let rankOf = new Int32Array(N);
  D.order.forEach((u, r) => { rankOf[u] = r; });
  let revealed = 0;
  function showMore(count) {
    let added = 0;
    for (; revealed < D.order.length && added < count; revealed++) {
      const u = D.order[revealed];
      if (!isActor(u)) continue;
      shown[u] = 1;
      added++;
    }
  }
  const visible = (u) => shown[u] && F.kinds[D.nodes[u][2]] && nodeLive[u];
  function expand(u, cap) {
    shown[u] = 1;
    const nb = Array.from(new Set(adj[u].map((a) => a[0]))).sort((a, b) => rankOf[a] - rankOf[b]);
    nb.slice(0, cap).forEach((v) => { shown[v] = 1; });
    return nb.length;
  }

  // ---- Drawing ----
  const canvas = $("graph");
  const ctx = canvas.getContext("2d");
  const view = { s: 1, x: 0, y: 0 };
  let selected = -1;
  let pathNodes = [];
  let pathEdges = new Set();
  const radius = (u) => Math.min(2.5 + 1.1 * Math.log2(1 + D.nodes[u][4]), 11);
  const screen = (u) => [D.nodes[u][5] * view.s + view.x, D.nodes[u][6] * view.s + view.y];
  function fit(nodes) {
    const w = canvas.clientWidth, h = canvas.clientHeight;
    if (!nodes.length) return;
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const u of nodes) {
      const [x, y] = [D.nodes[u][5], D.nodes[u][6]];
      x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
    }
    view.s = Math.min(w / (x1 - x0 + 80), h / (y1 - y0 + 80), 2.5);
    view.x = w / 2 - ((x0 + x1) / 2) * view.s;
    view.y = h / 2 - ((y0 + y1) / 2) * view.s;
  }
  function draw() {
    const dpr = window.devicePixelRatio || 1;
    const w = canvas.clientWidth, h = canvas.clientHeight;
    if (canvas.width !== Math.round(w * dpr)) { canvas.width = Math.round(w * dpr); canvas.height = Math.round(h * dpr); }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    const near = new Set();
    if (selected >= 0) adj[selected].forEach((a) => near.add(a[0]));
    let edges = 0, nodes = 0, actors = 0;
    ctx.lineWidth = 1;
    for (let i = 0; i < E; i++) {
      const e = D.edges[i];
      if (!edgeOk[i] || !visible(e[0]) || !visible(e[1])) continue;
      const [ax, ay] = screen(e[0]), [bx, by] = screen(e[1]);
      const hot = pathEdges.has(i) || e[0] === selected || e[1] === selected;
      ctx.strokeStyle = REL_COLORS[e[2]];
      ctx.globalAlpha = hot ? 0.95 : selected >= 0 ? 0.2 : 0.7;
      ctx.lineWidth = pathEdges.has(i) ? 4 : hot ? 2.5 : 1.5;
      ctx.beginPath(); ctx.moveTo(ax, ay); ctx.lineTo(bx, by); ctx.stroke();
      edges++;
    }
    ctx.globalAlpha = 1;
    const labelled = [];
    for (let u = 0; u < N; u++) {
      if (!visible(u)) continue;
      nodes++;
      if (isActor(u)) actors++;
      const [x, y] = screen(u);
      if (x < -20 || y < -20 || x > w + 20 || y > h + 20) continue;
      const r = radius(u);
      ctx.fillStyle = COLORS[kindOf(u)] || "#888";
      ctx.globalAlpha = selected < 0 || u === selected || near.has(u) || pathNodes.includes(u) ? 1 : 0.35;
      ctx.beginPath(); ctx.arc(x, y, r, 0, 2 * Math.PI); ctx.fill();
      if (u === selected || pathNodes.includes(u)) { ctx.lineWidth = 3; ctx.strokeStyle = "#1d2430"; ctx.stroke(); }
      labelled.push(u);
    }
    ctx.globalAlpha = 1;
    labelled.sort((a, b) => rankOf[a] - rankOf[b]);
    const budget = Math.round(40 * Math.max(1, view.s * 1.5));
    ctx.font = "12px DejaVu Sans, Helvetica, sans-serif";
    ctx.fillStyle = "#1d2430";
    labelled.forEach((u, k) => {
      if (k >= budget && u !== selected && !near.has(u) && !pathNodes.includes(u)) return;
      const [x, y] = screen(u);
      const text = label(u).length > 40 ? label(u).slice(0, 38) + "…" : label(u);
      ctx.fillText(text, x + radius(u) + 2, y + 4);
    });
    $("status").textContent = `${actors} of ${D.order.filter(isActor).length} actors shown, ${nodes} nodes, ${edges} edges` +
      (narrowed() ? " (filtered)" : "");
  }

  // ---- Timeline ----
  function drawTimeline() {
    const c = $("timeline"), g = c.getContext("2d");
    g.clearRect(0, 0, c.width, c.height);
    if (!dates.length) { $("f-range").textContent = "no dated edge"; return; }
    const count = new Array(dates.length).fill(0);
    const at = new Map(dates.map((d, i) => [d, i]));
    D.evidence.forEach((ev) => { if (isFull(ev[4])) count[at.get(ev[4])]++; });
    const max = Math.max(...count), bw = c.width / dates.length;
    count.forEach((n, i) => {
      g.fillStyle = i >= F.from && i <= F.to ? "#4f7cff" : "#c9ced6";
      const bh = Math.max(1, (n / max) * (c.height - 2));
      g.fillRect(i * bw, c.height - bh, Math.max(bw - 0.5, 0.5), bh);
    });
    $("f-range").textContent = `${dates[F.from]} → ${dates[F.to]} (${dates.length} dates)`;
  }

  // ---- The panel ----
  const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
  function marks(text, args, rule) {
    const low = text.toLowerCase();
    const spans = [];
    const add = (a, b, cls) => { if (!spans.some((s) => a < s[1] && b > s[0])) spans.push([a, b, cls]); };
    args.filter((a) => a.length > 1).sort((a, b) => b.length - a.length).forEach((a) => {
      const n = a.toLowerCase();
      for (let i = low.indexOf(n); i >= 0; i = low.indexOf(n, i + n.length)) add(i, i + n.length, "arg");
    });
    const lemma = rule.startsWith("frame/") ? rule.slice(6).split(/[/ ]/)[0] : "";
    const stem = lemma.replace(/(er|ir|re|oir)$/, "");
    if (stem.length >= 3) {
      const re = /[\p{L}’'-]+/gu;
      for (let m; (m = re.exec(text));) {
        if (fold(m[0]).startsWith(fold(stem))) add(m.index, m.index + m[0].length, "trig");
      }
    }
    spans.sort((a, b) => a[0] - b[0]);
    let out = "", at = 0;
    for (const [a, b, cls] of spans) {
      out += esc(text.slice(at, a)) + `<mark class="${cls}">` + esc(text.slice(a, b)) + "</mark>";
      at = b;
    }
    return out + esc(text.slice(at));
  }
  function argNames(u) {
    const out = names(u);
    if (kindOf(u) === "person") { const w = label(u).split(/\s+/); if (w.length > 1) out.push(w[w.length - 1]); }
    return out;
  }
  function evidenceHtml(e) {
    const args = argNames(e[0]).concat(argNames(e[1]));
    return e[4].filter(evidenceOk).map((k) => {
      const ev = D.evidence[k];
      const when = ev[6] ? ` · <span class="tag">${esc(ev[6])}${ev[4] ? " = " + esc(ev[4]) + (ev[5] ? " … " + esc(ev[5]) : "") : ""}</span>` : "";
      return `<div class="ev"><div class="where">${esc(D.docs[ev[0]])}, sentence ${ev[1] + 1} · ${esc(ev[3])}${when}</div>` +
        marks(D.texts[ev[2]], args, ev[3]) + "</div>";
    }).join("");
  }
  const link = (u) => `<a data-node="${u}">${esc(label(u))}</a>`;
  function panelFor(u) {
    const p = $("panel");
    const n = D.nodes[u];
    const mine = adj[u].map((a) => a[1]).filter((e, i, arr) => arr.indexOf(e) === i && edgeOk[e]);
    const byRel = new Map();
    mine.forEach((e) => { const r = D.edges[e][2]; if (!byRel.has(r)) byRel.set(r, []); byRel.get(r).push(e); });
    const roles = mine.filter((e) => D.relations[D.edges[e][2]] === "holds_role" && D.edges[e][0] === u).map((e) => D.edges[e][1]);
    const claims = mine.filter((e) => D.relations[D.edges[e][2]] === "stated" && D.edges[e][0] === u);
    let h = `<h2>${esc(n[1])}</h2><div class="meta">${esc(kindOf(u))} · ${esc(n[0])} · ${n[4]} mentions` +
      (narrowed() ? " · edges filtered" : "") + "</div>";
    h += `<p><button id="expand">Show its neighbours (${new Set(adj[u].map((a) => a[0])).size})</button></p>`;
    h += `<h3>Aliases</h3>${n[3].length ? "<ul>" + n[3].map((a) => `<li>${esc(a)}</li>`).join("") + "</ul>" : '<p class="hint">none</p>'}`;
    h += `<h3>Roles</h3>${roles.length ? "<ul>" + roles.map((r) => `<li>${link(r)}</li>`).join("") + "</ul>" : '<p class="hint">none</p>'}`;
    if (n.length > 7) h += `<h3>Claims (${n[7]})</h3><p class="hint">left out of this graph (built with --actors-only)</p>`;
    else h += `<h3>Claims (${claims.length})</h3>` + (claims.length ? claims.map((e) =>
      `<div class="edge"><div class="ends">« ${esc(label(D.edges[e][1]))} »<span class="tag">${D.modalities[D.edges[e][3]]}</span></div>${evidenceHtml(D.edges[e])}</div>`).join("") : '<p class="hint">none</p>');
    [...byRel.keys()].sort((a, b) => a - b).forEach((r) => {
      const rel = D.relations[r];
      if (rel === "stated" && byRel.get(r).every((e) => D.edges[e][0] === u)) return;
      h += `<h3>${esc(rel)} (${byRel.get(r).length})</h3>`;
      byRel.get(r).forEach((e) => {
        const ed = D.edges[e];
        const other = ed[0] === u ? ed[1] : ed[0];
        const arrow = SYMMETRIC.has(rel) ? "—" : ed[0] === u ? "→" : "←";
        h += `<div class="edge"><div class="ends">${arrow} ${link(other)}<span class="tag">${D.modalities[ed[3]]}</span>` +
          `<span class="tag">${ed[4].length} sentence${ed[4].length === 1 ? "" : "s"}</span></div>${evidenceHtml(ed)}</div>`;
      });
    });
    p.innerHTML = h;
    $("expand").onclick = () => { expand(u, Infinity); draw(); };
  }
  function select(u, focus) {
    selected = u;
    expand(u, 40);
    if (focus) {
      const [x, y] = screen(u);
      view.x += canvas.clientWidth / 2 - x;
      view.y += canvas.clientHeight / 2 - y;
    }
    panelFor(u);
    draw();
  }
  function candidates(title, list) {
    $("panel").innerHTML = `<h2>${esc(title)}</h2><ul class="cand">` +
      list.map((u) => `<li>${link(u)} <span class="meta">${esc(kindOf(u))} · ${esc(D.nodes[u][0])}</span></li>`).join("") + "</ul>";
  }
  function find(name) {
    const r = resolve(name);
    if (r.found !== undefined) {
      if (!F.kinds[D.nodes[r.found][2]]) { F.kinds[D.nodes[r.found][2]] = true; syncKinds(); }
      select(r.found, true);
      if (r.how) $("status").textContent += ` · "${name}" read as ${label(r.found)} (${r.how})`;
      return r.found;
    }
    if (r.ambiguous) candidates(`"${name}" is ambiguous: ${r.ambiguous.length} nodes answer to it`, r.ambiguous);
    else candidates(`No node answers to "${name}"` + (r.unknown.length ? "; the closest:" : ""), r.unknown);
    return -1;
  }
  function showPath(a, b) {
    const ra = resolve(a), rb = resolve(b);
    for (const [name, r] of [[a, ra], [b, rb]]) {
      if (r.found === undefined) {
        if (r.ambiguous) candidates(`"${name}" is ambiguous`, r.ambiguous);
        else candidates(`No node answers to "${name}"`, r.unknown);
        return null;
      }
    }
    const path = shortestPath(ra.found, rb.found);
    pathNodes = path || [];
    pathEdges = new Set();
    if (!path) { $("panel").innerHTML = `<h2>${esc(label(ra.found))} … ${esc(label(rb.found))}</h2><p>No path through actors.</p>`; draw(); return []; }
    let h = `<h2>${esc(label(path[0]))} … ${esc(label(path[path.length - 1]))}</h2><p class="meta">${path.length - 1} hops, through actors (as trame path)</p>`;
    path.forEach((u, i) => {
      shown[u] = 1;
      if (!F.kinds[D.nodes[u][2]]) { F.kinds[D.nodes[u][2]] = true; syncKinds(); }
      h += `<div class="hop"><strong>${link(u)}</strong> <span class="meta">${esc(kindOf(u))}</span></div>`;
      if (i + 1 < path.length) {
        const v = path[i + 1];
        const es = adj[u].filter((x) => x[0] === v).map((x) => x[1]);
        es.forEach((e) => pathEdges.add(e));
        const e = D.edges[es[0]];
        const rel = D.relations[e[2]];
        const arrow = SYMMETRIC.has(rel) ? `─${rel}─` : e[0] === u ? `─${rel}→` : `←${rel}─`;
        const evs = es.flatMap((x) => D.edges[x][4]);
        const best = evs.reduce((a, k) => (D.texts[D.evidence[k][2]].length < D.texts[D.evidence[a][2]].length ? k : a), evs[0]);
        const ev = D.evidence[best];
        h += `<div class="ev"><div class="where">${esc(arrow)} · ${esc(D.docs[ev[0]])}, sentence ${ev[1] + 1}</div>« ${esc(D.texts[ev[2]])} »</div>`;
      }
    });
    $("panel").innerHTML = h;
    selected = -1;
    fit(path);
    draw();
    return path;
  }

  // ---- Controls ----
  function checkboxes(id, names, flags, colors) {
    $(id).innerHTML = names.map((n, i) => `<label><input type="checkbox" data-i="${i}" ${flags[i] ? "checked" : ""}>` +
      (colors ? `<span class="swatch" style="background:${colors(n, i)}"></span>` : "") + `${esc(n)}</label>`).join("");
    $(id).onchange = (ev) => { flags[+ev.target.dataset.i] = ev.target.checked; applyFilters(); };
  }
  function syncKinds() { checkboxes("f-kinds", D.kinds, F.kinds, (k) => COLORS[k]); }
  syncKinds();
  checkboxes("f-relations", D.relations, F.rels, (r, i) => REL_COLORS[i]);
  checkboxes("f-modalities", D.modalities, F.mods);
  $("f-doc").innerHTML = '<option value="-1">every document</option>' + D.docs.map((d, i) => `<option value="${i}">${esc(d)}</option>`).join("");
  $("f-doc").onchange = (ev) => { F.doc = +ev.target.value; applyFilters(); };
  for (const id of ["f-from", "f-to"]) {
    $(id).max = Math.max(dates.length - 1, 0);
    $(id).disabled = dates.length === 0;
  }
  $("f-to").value = F.to;
  $("f-from").oninput = (ev) => { F.from = Math.min(+ev.target.value, F.to); ev.target.value = F.from; applyFilters(); };
  $("f-to").oninput = (ev) => { F.to = Math.max(+ev.target.value, F.from); ev.target.value = F.to; applyFilters(); };
  $("f-undated").onchange = (ev) => { F.undated = ev.target.checked; applyFilters(); };
  $("show-more").onclick = () => { showMore(250); draw(); };
  $("reset").onclick = () => { shown.fill(0); revealed = 0; showMore(D.core || 250); selected = -1; pathNodes = []; pathEdges = new Set(); fit(D.order.slice(0, D.core)); draw(); };
  $("search-form").onsubmit = (ev) => { ev.preventDefault(); find($("search").value); };
  $("path-form").onsubmit = (ev) => { ev.preventDefault(); showPath($("path-from").value, $("path-to").value); };
  $("panel").onclick = (ev) => {
    const a = ev.target.closest("a[data-node]");
    if (a) select(+a.dataset.node, true);
  };
  function nodeAt(px, py) {
    let best = -1, bd = Infinity;
    for (let u = 0; u < N; u++) {
      if (!visible(u)) continue;
      const [x, y] = screen(u);
      const d = Math.hypot(x - px, y - py);
      if (d <= radius(u) + 4 && d < bd) { bd = d; best = u; }
    }
    return best;
  }
  let drag = null;
  canvas.addEventListener("mousedown", (ev) => { drag = { x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y, moved: false }; });
  window.addEventListener("mousemove", (ev) => {
    if (!drag) return;
    const dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
    view.x = drag.vx + dx; view.y = drag.vy + dy;
    if (drag.moved) draw();
  });
  window.addEventListener("mouseup", (ev) => {
    if (drag && !drag.moved) {
      const r = canvas.getBoundingClientRect();
      const u = nodeAt(ev.clientX - r.left, ev.clientY - r.top);
      if (u >= 0) select(u, false);
    }
    drag = null;
  });
  canvas.addEventListener("dblclick", (ev) => {
    const r = canvas.getBoundingClientRect();
    const u = nodeAt(ev.clientX - r.left, ev.clientY - r.top);
    if (u >= 0) { expand(u, Infinity); draw(); }
  });
  canvas.addEventListener("wheel", (ev) => {
    ev.preventDefault();
    const r = canvas.getBoundingClientRect();
    const [mx, my] = [ev.clientX - r.left, ev.clientY - r.top];
    const k = Math.exp(-ev.deltaY * 0.0015);
    view.x = mx - (mx - view.x) * k; view.y = my - (my - view.y) * k; view.s *= k;
    draw();
  }, { passive: false });
  window.addEventListener("resize", draw);

  showMore(D.core || 250);
  applyFilters();
  fit(D.order.slice(0, D.core));
  draw();
  // For scripts and tests: where a node is drawn, in page coordinates.
  window.trame = {
    resolve, shortestPath, find, showPath,
    nodeIndex: (id) => (byId.has(id) ? byId.get(id) : -1),
    nodeId: (u) => D.nodes[u][0],
    pagePosition(id) {
      const u = byId.get(id);
      if (u === undefined || !visible(u)) return null;
      const r = canvas.getBoundingClientRect();
      const [x, y] = screen(u);
      return { x: r.left + x, y: r.top + y };
    },
  };
  document.body.dataset.ready = "1";
})();
