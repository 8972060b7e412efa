/* sitroom dashboard. Plain JavaScript, no build step.
 *
 * Every piece of text that comes from a document (titles, sentences, quotes, names) is
 * untrusted: it is put on the page only through text nodes (textContent /
 * document.createTextNode) and attribute setters, never through innerHTML.
 */
"use strict";

(function () {
  const QUADS = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
  };
  const NETWORK_TOP = 40;
  const state = { cy: null, range: { start: null, end: null }, selection: null, summary: null };
  window.sitroom = state; // for the browser tests and the console

  // -- DOM helpers (text only) --------------------------------------------------------
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = String(value);
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }
  function svg(tag, attrs, ...children) {
    const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === "text") node.textContent = String(value);
      else node.setAttribute(key, String(value));
    }
    for (const child of children) node.append(child);
    return node;
  }
  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }
  const $ = (id) => document.getElementById(id);

  async function api(path, params) {
    const url = new URL(path, window.location.origin);
    for (const [key, value] of Object.entries(params || {})) {
      if (value !== null && value !== undefined && value !== "") url.searchParams.set(key, value);
    }
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.detail ? JSON.stringify(body.detail) : response.statusText);
    return body;
  }

  function names(side, none) {
    return (side || []).map((a) => a.name || "?").join(", ") || (none || "");
  }
  function quadTag(quad) {
    return el("span", { class: `tag q${quad}`, text: QUADS[quad] || `quad ${quad}` });
  }

  // -- summary -------------------------------------------------------------------------
  async function loadSummary() {
    const s = await api("/api/summary");
    state.summary = s;
    const stats = clear($("stats"));
    const items = [
      ["documents", s.documents], ["actors", s.actors], ["events", s.counted_events],
      ["quotes", s.quotes], ["sources", s.sources],
      ["dates", s.start ? `${s.start} → ${s.end}` : "—"],
    ];
    for (const [label, value] of items) {
      stats.append(el("div", {}, el("dt", { text: label }), el("dd", { text: value })));
    }
    if (s.read_only) $("upload-open").hidden = true;
  }

  // -- network ---------------------------------------------------------------------------
  async function loadNetwork() {
    const data = await api("/api/network", { ...state.range, top: NETWORK_TOP });
    $("network-note").textContent = data.actors_in_range > data.nodes.length
      ? `The ${data.nodes.length} most active of ${data.actors_in_range} actors.` : "";
    const maxNode = Math.max(1, ...data.nodes.map((n) => n.events));
    const maxEdge = Math.max(1, ...data.edges.map((e) => e.events));
    const elements = [];
    for (const n of data.nodes) {
      elements.push({ data: { id: `a${n.id}`, actorId: n.id, label: n.name, events: n.events,
                              kind: n.kind, country: n.country || "" } });
    }
    for (const e of data.edges) {
      elements.push({ data: {
        id: `e${e.source}-${e.target}`, source: `a${e.source}`, target: `a${e.target}`,
        a: e.source, b: e.target, events: e.events, goldstein: e.goldstein_mean,
        tone: e.goldstein_mean < 0 ? "conflict" : "coop",
      } });
    }
    $("network-empty").hidden = data.nodes.length > 0;
    if (typeof window.cytoscape !== "function") {
      $("network").append(el("p", { class: "empty",
        text: "The network library is missing: run `make web-assets`." }));
      return;
    }
    if (state.cy) state.cy.destroy();
    const cy = window.cytoscape({
      container: $("network"),
      elements,
      wheelSensitivity: 0.3,
      style: [
        { selector: "node", style: {
          label: "data(label)", "font-size": 13, color: "#1d2330",
          "text-valign": "bottom", "text-margin-y": 4, "text-wrap": "ellipsis",
          "text-max-width": 140, "text-background-color": "#ffffff",
          "text-background-opacity": 0.85, "text-background-padding": 2,
          "background-color": "#1f4e8c", "border-width": 2, "border-color": "#fff",
          width: `mapData(events, 0, ${maxNode}, 18, 64)`,
          height: `mapData(events, 0, ${maxNode}, 18, 64)`,
        } },
        { selector: "node[kind = 'person']", style: { "background-color": "#7d4fd1" } },
        { selector: "node[kind = 'group'], node[kind = 'nonstate']",
          style: { "background-color": "#b5651d" } },
        { selector: "edge", style: {
          "curve-style": "bezier", "target-arrow-shape": "triangle", "arrow-scale": 0.9,
          width: `mapData(events, 1, ${maxEdge}, 1.5, 9)`, opacity: 0.8,
        } },
        { selector: "edge[tone = 'coop']",
          style: { "line-color": "#2e8b57", "target-arrow-color": "#2e8b57" } },
        { selector: "edge[tone = 'conflict']",
          style: { "line-color": "#c0392b", "target-arrow-color": "#c0392b" } },
        { selector: ":selected", style: { "border-color": "#ffb400", "border-width": 4,
                                         "line-color": "#ffb400", "target-arrow-color": "#ffb400" } },
      ],
      layout: { name: "cose", animate: false, padding: 30, randomize: false,
                nodeRepulsion: () => 60000, idealEdgeLength: () => 110,
                edgeElasticity: () => 80, nodeOverlap: 20, componentSpacing: 60,
                gravity: 0.6, numIter: 2500 },
    });
    cy.on("tap", "node", (evt) => selectActor(evt.target.data("actorId"), evt.target.data("label")));
    cy.on("tap", "edge", (evt) => {
      const d = evt.target.data();
      selectDyad(d.a, d.b, cy.$id(d.source).data("label"), cy.$id(d.target).data("label"));
    });
    // Labels stay readable at the default size: when the fitted graph is zoomed out,
    // the font grows so that labels are drawn at about 13 px.
    const zoom = cy.zoom();
    if (zoom < 1) cy.style().selector("node").style("font-size", Math.min(40, 13 / zoom)).update();
    state.cy = cy;
    state.networkReady = true;
  }

  // -- selection: events and timeline ---------------------------------------------------
  // Each selection gets a number; answers to an older selection are dropped.
  let selectionSeq = 0;

  async function select(key, title, eventParams, timelineParams, timelineLabel) {
    const seq = ++selectionSeq;
    state.selection = key;
    $("events-title").textContent = `— ${title}`;
    const params = { ...eventParams, start: state.range.start, end: state.range.end, limit: 1000,
                     include_all: true };
    const [events, timeline] = await Promise.all([
      api("/api/events", params), api("/api/timeline", timelineParams),
    ]);
    if (seq !== selectionSeq) return;
    state.events = events;
    fillSourceKinds(events);
    showEvents(applyFilters(events));
    drawTimeline(timeline, timelineLabel);
    $("events-list").dataset.for = key;
    $("timeline").dataset.for = key;
  }

  async function selectActor(id, label) {
    if (state.cy) {
      state.cy.elements().unselect();
      state.cy.$id(`a${id}`).select();
    }
    await select(`actor:${id}`, label, { actor: id }, { actor: id }, label);
  }

  async function selectDyad(a, b, labelA, labelB) {
    if (state.cy) {
      state.cy.elements().unselect();
      state.cy.$id(`e${a}-${b}`).select();
    }
    await select(`dyad:${a},${b}`, `${labelA} → ${labelB}`, { dyad: `${a},${b}` }, { a, b },
                 `${labelA} ↔ ${labelB}`);
  }

  // -- filters over the listed events (certainty, modality, status, source kind) --------
  const FILTERS = ["filter-certainty", "filter-modality", "filter-status", "filter-source"];

  function situationStatus(ev) {
    return ev.situation ? ev.situation.status : null;
  }

  function keep(ev, f) {
    if (f.certainty && ev.certainty !== f.certainty) return false;
    if (f.modality && ev.modality !== f.modality) return false;
    if (f.source) {
      const kind = ev.source_text === null || ev.source_text === undefined ? "own-voice" : ev.source_kind;
      if (kind !== f.source) return false;
    }
    const status = f.status || "counted";
    if (status === "counted") return ev.counted;
    if (status === "fact") return ev.fact;
    if (status === "all") return true;
    if (["asserted", "claimed", "alleged", "unverified"].includes(status)) return ev.status === status;
    if (status === "denied") return ev.status === "denied" || situationStatus(ev) === "denied";
    return situationStatus(ev) === status;
  }

  function applyFilters(events) {
    const f = {
      certainty: $("filter-certainty").value, modality: $("filter-modality").value,
      status: $("filter-status").value, source: $("filter-source").value,
    };
    const kept = events.filter((ev) => keep(ev, f));
    $("events-count").textContent = `${kept.length} of ${events.length} events`;
    return kept;
  }

  function fillSourceKinds(events) {
    const select = $("filter-source");
    const current = select.value;
    const kinds = [...new Set(events.map((ev) => ev.source_kind).filter(Boolean))].sort();
    clear(select);
    select.append(el("option", { value: "", text: "any source" }),
                  el("option", { value: "own-voice", text: "the report's own voice" }));
    for (const kind of kinds) select.append(el("option", { value: kind, text: kind }));
    select.value = [...select.options].some((o) => o.value === current) ? current : "";
  }

  function refilter() {
    if (state.events) showEvents(applyFilters(state.events));
  }

  // The "denied by … / contested / corroborated" badge of an event.
  function claimBadge(ev) {
    const sit = ev.situation;
    const deniers = sit && sit.denied_by.length ? sit.denied_by.join(", ") : null;
    if (ev.status === "denied" || (sit && sit.status === "denied")) {
      return el("span", { class: "badge denied", title: "reported only as denied",
                          text: `denied by ${deniers || "a party"}` });
    }
    if (sit && sit.status === "contested") {
      return el("span", { class: "badge contested",
                          title: `claimed by ${sit.claimed_by.join(", ")}; denied by ${deniers}`,
                          text: `contested · denied by ${deniers}` });
    }
    if (sit && sit.status === "corroborated") {
      return el("span", { class: "badge corroborated", title: sit.claimed_by.join(", "),
                          text: `corroborated · ${sit.sources} sources, ${sit.documents} reports` });
    }
    return null;
  }

  function eventRow(ev, list) {
    const item = el("li", { "data-doc": ev.doc_id, "data-event": ev.event_id,
                            "data-status": ev.situation ? ev.situation.status : ev.status });
    const tags = [quadTag(ev.quad_class)];
    const badge = claimBadge(ev);
    if (badge) tags.unshift(badge);
    if (["claimed", "alleged", "unverified"].includes(ev.status)) {
      tags.push(el("span", { class: "tag", text: ev.status }));
    }
    if (ev.modality !== "actual") tags.push(el("span", { class: "tag", text: ev.modality }));
    if (ev.polarity === "negative") tags.push(el("span", { class: "tag", text: "negated" }));
    if (ev.certainty !== "confirmed") tags.push(el("span", { class: "tag", text: ev.certainty }));
    if (ev.source_anonymous) tags.push(el("span", { class: "tag anon", text: "anonymous source" }));
    if (ev.source_kind === "intelligence") tags.push(el("span", { class: "tag intel", text: "intelligence" }));
    const button = el("button", { type: "button", class: "event-button" },
      el("span", { class: `ev-date${ev.date_fallback ? " fallback" : ""}`,
                   title: ev.date_fallback ? "no date in the text: the report's publication date" : null,
                   text: ev.date ? `${ev.date}${ev.date_fallback ? " (published)" : ""}` : "undated" }),
      el("span", { class: "ev-what" },
        `${names(ev.source)} `, el("b", { text: ev.trigger || ev.plover || "?" }),
        ` ${names(ev.target)}`),
      el("span", { class: "ev-meta" }, ...tags,
        [ev.plover, `CAMEO ${ev.cameo}`, `Goldstein ${ev.goldstein}`, ""].filter(Boolean).join(" · "),
        el("span", { class: "ev-title", text: ev.title || ev.doc_id })),
    );
    button.addEventListener("click", () => {
      for (const other of list.querySelectorAll("li.selected")) other.classList.remove("selected");
      item.classList.add("selected");
      showEvidence(ev.doc_id, ev.event_id);
    });
    item.append(button);
    return item;
  }

  function showEvents(events, target) {
    const list = clear(target || $("events-list"));
    if (!events.length) list.append(el("li", { class: "empty", text: "No events." }));
    for (const ev of events) list.append(eventRow(ev, list));
  }

  function drawTimeline(data, label) {
    $("timeline-title").textContent = `— ${label}`;
    $("timeline-method").textContent = data.method;
    const root = clear($("timeline"));
    const W = 800, H = 220, left = 34, right = 10, top = 22, bottom = 26;
    const days = data.days;
    if (!days.length) {
      root.append(svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle", text: "No dated events." }));
      return;
    }
    const maxCount = Math.max(1, ...days.map((d) => d.events));
    const maxScore = Math.max(1, ...days.map((d) => d.conflict_score));
    const plotW = W - left - right, plotH = H - top - bottom;
    const slot = plotW / days.length;
    const barW = Math.max(1, Math.min(28, slot * 0.7));
    const y = (v) => top + plotH - (v / maxCount) * plotH;
    root.append(svg("line", { class: "axis", x1: left, y1: top + plotH, x2: W - right, y2: top + plotH }));
    root.append(svg("line", { class: "axis", x1: left, y1: top, x2: left, y2: top + plotH }));
    root.append(svg("text", { x: left - 6, y: top + 4, "text-anchor": "end", text: maxCount }));
    root.append(svg("text", { x: left - 6, y: top + plotH, "text-anchor": "end", text: 0 }));
    const tickEvery = Math.max(1, Math.ceil(days.length / 8));
    const points = [];
    days.forEach((d, i) => {
      const cx = left + slot * i + slot / 2;
      let base = 0;
      for (const q of [1, 2, 3, 4]) {
        const n = d[`q${q}`];
        if (!n) continue;
        const rect = svg("rect", {
          class: `bar q${q}`, x: cx - barW / 2, y: y(base + n), width: barW,
          height: Math.max(0.5, y(base) - y(base + n)), "data-date": d.date,
        });
        rect.append(svg("title", { text: `${d.date}: ${n} ${QUADS[q]}` }));
        root.append(rect);
        base += n;
      }
      points.push(`${cx},${top + plotH - (d.conflict_score / maxScore) * plotH}`);
      if (d.signal) {
        const marker = svg("path", {
          class: "signal", d: `M${cx - 6},${top - 14} L${cx + 6},${top - 14} L${cx},${top - 4} Z`,
          "data-date": d.date,
        });
        marker.append(svg("title", { text: `${d.date}: escalation signal (conflict score ${d.conflict_score})` }));
        root.append(marker);
      }
      if (i % tickEvery === 0 || i === days.length - 1) {
        root.append(svg("text", { x: cx, y: H - 8, "text-anchor": "middle", text: d.date.slice(5) }));
      }
    });
    if (days.length > 1) root.append(svg("polyline", { class: "score", points: points.join(" ") }));
  }

  // -- evidence -------------------------------------------------------------------------
  const MARK_LABELS = {
    "source-actor": "source actor", "target-actor": "target actor", actor: "other actor",
    trigger: "trigger", cue: "hedge / certainty cue", source: "source", location: "place",
    quantity: "number",
  };

  function runs(segments) {
    const frag = document.createDocumentFragment();
    for (const seg of segments) {
      if (!seg.kinds.length) {
        frag.append(document.createTextNode(seg.text));
        continue;
      }
      const span = el("span", {
        class: ["mark", ...seg.kinds.map((k) => `mark-${k}`)].join(" "),
        title: [...seg.kinds.map((k) => MARK_LABELS[k] || k), ...seg.labels].join(" · "),
      }, seg.text);
      frag.append(span);
    }
    return frag;
  }

  async function showEvidence(docId, eventId) {
    const box = clear($("evidence"));
    let ev;
    try {
      ev = await api(`/api/events/${encodeURIComponent(docId)}/${encodeURIComponent(eventId)}`);
    } catch (error) {
      box.append(el("p", { class: "status error", text: String(error.message || error) }));
      return;
    }
    box.append(el("p", { class: "sentence", "data-event": eventId }, runs(ev.segments)));
    if (!ev.text_available) {
      box.append(el("p", { class: "muted",
        text: "The document's text is not available to this server; only the trigger is shown." }));
    }
    const keys = el("p", { class: "keys" });
    for (const kind of ["source-actor", "target-actor", "trigger", "cue", "source"]) {
      keys.append(el("span", { class: `mark mark-${kind}`, text: MARK_LABELS[kind] }));
    }
    box.append(keys);
    const facts = el("dl", { class: "facts" });
    const add = (label, ...value) => facts.append(el("dt", { text: label }), el("dd", {}, ...value));
    add("who", `${names(ev.source, "no source actor")} → ${names(ev.target, "no target")}`);
    add("what", `${ev.plover || "—"} · CAMEO ${ev.cameo} · Goldstein ${ev.goldstein} · `, quadTag(ev.quad_class));
    add("how", `${ev.modality}, ${ev.polarity}, ${ev.certainty}`);
    add("cues", ev.cues.length ? ev.cues.map((c) => c.text).join(", ") : "none");
    if (ev.attribution) {
      const a = ev.attribution;
      add("source", el("span", { class: "source-text", text: a.text }), " ",
          el("span", { class: `tag ${a.kind === "intelligence" ? "intel" : ""}`, text: a.kind }),
          el("span", { class: `tag ${a.anonymous ? "anon" : ""}`, text: a.anonymous ? "anonymous" : "named" }));
    } else {
      add("source", "not attributed (the report's own voice)");
    }
    add("date", ev.date || "undated");
    const link = el("a", { href: `/api/documents/${encodeURIComponent(docId)}`, class: "doc-link",
                          text: ev.document.title || docId });
    link.addEventListener("click", (e) => { e.preventDefault(); openDocument(docId); });
    add("document", link, ev.document.published ? ` (${ev.document.published})` : "");
    box.append(facts);
  }

  // -- documents ----------------------------------------------------------------------------
  async function openDocument(docId) {
    const doc = await api(`/api/documents/${encodeURIComponent(docId)}`);
    $("document-title").textContent = doc.title || doc.doc_id;
    $("document-meta").textContent = [doc.published, doc.url, doc.file, `${doc.events.length} events`,
      `${doc.quotes.length} quotes`].filter(Boolean).join(" · ");
    const body = clear($("document-text"));
    if (doc.text_available) body.append(runs(doc.segments));
    else body.append(el("p", { class: "muted", text: "The text of this document is not available to this server." }));
    showEvents(doc.events, $("document-events"));
    for (const button of $("document-events").querySelectorAll("button")) {
      button.addEventListener("click", () => $("document-dialog").close());
    }
    const dialog = $("document-dialog");
    if (!dialog.open) dialog.showModal();
  }

  async function loadDocuments() {
    const docs = await api("/api/documents", { limit: 100 });
    const list = clear($("documents-list"));
    for (const d of docs) {
      const button = el("button", { type: "button", class: "doc-open", "data-doc": d.doc_id,
                                   text: d.title || d.doc_id });
      button.addEventListener("click", () => openDocument(d.doc_id));
      list.append(el("li", {}, button, el("span", { class: "muted",
        text: ` ${d.published || "undated"} · ${d.events} events` })));
    }
  }

  // -- quotes and sources -----------------------------------------------------------------
  async function loadSourcing() {
    const [quotes, sources] = await Promise.all([api("/api/quotes", { limit: 100 }),
                                                 api("/api/sources", { limit: 100 })]);
    const stats = clear($("sourcing-stats"));
    const stat = (value, label, id) => stats.append(el("div", { id },
      el("span", { class: "big", text: value }), label));
    stat(sources.attributed_claims, "claims credited to a source", "claims-attributed");
    stat(sources.anonymous_claims, "rest on anonymous sources", "claims-anonymous");
    stat(sources.intelligence_claims, "rest on intelligence sources", "claims-intelligence");
    stat(sources.anonymous_or_intelligence_claims, "anonymous or intelligence", "claims-anon-intel");
    const ql = clear($("quotes-list"));
    if (!quotes.length) ql.append(el("li", { class: "muted", text: "No quotes." }));
    for (const q of quotes) {
      ql.append(el("li", {}, el("b", { text: q.speaker || "unattributed" }), ": ",
        el("span", { class: "quote-text", text: `“${q.text}”` }),
        el("span", { class: "muted", text: ` — ${q.title || q.doc_id}` })));
    }
    const sl = clear($("sources-list"));
    if (!sources.items.length) sl.append(el("li", { class: "muted", text: "No sources." }));
    for (const s of sources.items) {
      sl.append(el("li", {}, el("span", { text: s.text }), " ",
        el("span", { class: `tag ${s.kind === "intelligence" ? "intel" : ""}`, text: s.kind }),
        s.anonymous ? el("span", { class: "tag anon", text: "anonymous" }) : null,
        el("span", { class: "muted", text: `${s.claims} claim${s.claims === 1 ? "" : "s"} — ${s.title || s.doc_id}` })));
    }
  }

  // -- search -----------------------------------------------------------------------------------
  let searchTimer = null;
  async function search(term) {
    const box = $("search-results");
    if (!term.trim()) { box.hidden = true; return; }
    const [actors, docs] = await Promise.all([api("/api/actors", { q: term, limit: 10 }),
                                              api("/api/documents", { q: term, limit: 10 })]);
    clear(box);
    box.append(el("h3", { text: "Actors" }));
    if (!actors.length) box.append(el("p", { class: "muted", text: "  none" }));
    for (const a of actors) {
      const b = el("button", { type: "button", class: "result-actor", "data-actor": a.id },
        el("b", { text: a.name }), el("span", { class: "muted",
          text: ` ${a.kind}${a.country ? " · " + a.country : ""} · ${a.events} events` }));
      b.addEventListener("click", () => { box.hidden = true; selectActor(a.id, a.name); });
      box.append(b);
    }
    box.append(el("h3", { text: "Documents" }));
    if (!docs.length) box.append(el("p", { class: "muted", text: "  none" }));
    for (const d of docs) {
      const b = el("button", { type: "button", class: "result-doc", "data-doc": d.doc_id },
        el("span", { text: d.title || d.doc_id }), el("span", { class: "muted", text: ` ${d.published || ""}` }));
      b.addEventListener("click", () => { box.hidden = true; openDocument(d.doc_id); });
      box.append(b);
    }
    box.hidden = false;
  }

  // -- upload --------------------------------------------------------------------------------------
  async function upload(event) {
    event.preventDefault();
    const status = $("upload-status");
    status.className = "status";
    status.textContent = "Analysing…";
    const form = new FormData();
    const title = $("upload-title").value.trim();
    if (title) form.append("title", title);
    const file = $("upload-file").files[0];
    if (file) form.append("file", file);
    else form.append("text", $("upload-text").value);
    const response = await fetch("/api/documents", { method: "POST", body: form });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      status.className = "status error";
      status.textContent = `Not stored: ${typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail)}`;
      return;
    }
    status.className = "status ok";
    status.textContent = body.added
      ? `Stored: ${body.events} events, ${body.actors} actors.`
      : "Already stored (same text).";
    $("upload-form").reset();
    await refresh();
    $("upload-dialog").close();
    await openDocument(body.doc_id);
  }

  async function refresh() {
    await Promise.all([loadSummary(), loadNetwork(), loadSourcing(), loadDocuments()]);
  }

  function wire() {
    $("range-form").addEventListener("submit", (e) => {
      e.preventDefault();
      state.range = { start: $("range-start").value || null, end: $("range-end").value || null };
      loadNetwork();
    });
    $("range-reset").addEventListener("click", () => {
      $("range-start").value = "";
      $("range-end").value = "";
      state.range = { start: null, end: null };
      loadNetwork();
    });
    $("search-input").addEventListener("input", (e) => {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => search(e.target.value), 200);
    });
    document.addEventListener("click", (e) => {
      if (!e.target.closest(".search")) $("search-results").hidden = true;
    });
    $("upload-open").addEventListener("click", () => {
      $("upload-status").textContent = "";
      $("upload-dialog").showModal();
    });
    $("upload-form").addEventListener("submit", upload);
    for (const id of FILTERS) $(id).addEventListener("change", refilter);
  }

  async function start() {
    wire();
    try {
      await refresh();
      if (state.summary && state.summary.start) {
        $("range-start").value = state.summary.start;
        $("range-end").value = state.summary.end;
      }
      // Start on the most recent situation event (its dyad, else its doer), else on
      // the most active actor, so that the page is never blank.
      const latest = state.summary && state.summary.latest_situation;
      const edge = latest && state.cy
        && state.cy.$id(`e${latest.source_ids[0]}-${latest.target_ids[0]}`);
      const doer = latest && state.cy && state.cy.$id(`a${latest.source_ids[0]}`);
      if (edge && edge.length) {
        const d = edge.data();
        await selectDyad(d.a, d.b, state.cy.$id(d.source).data("label"),
                         state.cy.$id(d.target).data("label"));
        state.started = `situation:${latest.id}`;
      } else if (doer && doer.length) {
        await selectActor(doer.data("actorId"), doer.data("label"));
        state.started = `situation:${latest.id}`;
      } else if (state.cy && state.cy.nodes().length) {
        const top = state.cy.nodes().max((n) => n.data("events")).ele;
        await selectActor(top.data("actorId"), top.data("label"));
      }
    } catch (error) {
      document.body.append(el("p", { class: "status error", text: `Cannot load: ${error.message || error}` }));
    }
    state.ready = true;
  }

  document.addEventListener("DOMContentLoaded", start);
})();
