// marsad web page: hash routes over the REST API. Article text only ever reaches the page
// through text nodes (el(), textContent): never innerHTML.
"use strict";

const view = document.getElementById("view");

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const bdi = (text, attrs) => el("bdi", attrs, text);

async function api(path) {
  const response = await fetch(path);
  if (!response.ok) {
    let detail = response.statusText;
    try { detail = (await response.json()).detail; } catch (e) { /* not JSON */ }
    throw new Error(`${response.status}: ${typeof detail === "string" ? detail : JSON.stringify(detail)}`);
  }
  return response.json();
}

function show(...nodes) {
  const kept = nodes.flat(Infinity).filter((n) => n !== null && n !== undefined && n !== false);
  view.replaceChildren(...kept);
  window.scrollTo(0, 0);
}

function fail(error) {
  show(el("p", { class: "error" }, "خطأ: ", bdi(error.message)));
}

function eventLink(id) { return `#/event/${encodeURIComponent(id)}`; }
function articleLink(id, start, end) {
  const focus = start !== undefined ? `?focus=${start}-${end}` : "";
  return `#/article/${encodeURIComponent(id)}${focus}`;
}
function entityLink(name) { return `#/entity/${encodeURIComponent(name)}`; }

// ---- timeline ------------------------------------------------------------------------

const ZOOM = { year: 4, month: 7, day: 10 };
const timelineState = { zoom: "month", kind: "", story: "" };

function groupKey(date, zoom) {
  const start = date.split("/")[0];
  return start.length >= ZOOM[zoom] ? start.slice(0, ZOOM[zoom]) : start;
}

function eventCard(event, extraClass) {
  const sources = event.sources.length;
  return el("a", { class: `card event-row ${extraClass || ""}`, href: eventLink(event.id), "data-event": event.id },
    el("div", {},
      bdi(event.date || "بلا تاريخ", { class: "date" }), " — ",
      el("strong", { class: "event-title" }, event.title),
      el("span", { class: "kind" }, event.kind),
      event.conflict ? el("span", { class: "badge" }, "تواريخ متعارضة") : null),
    event.participants.length ? el("div", { class: "muted" }, event.participants.map((p) => bdi(p)).reduce((acc, node, i) => (i ? [...acc, "، ", node] : [node]), [])) : null,
    event.reason ? el("div", { class: "reason" }, "لماذا بلا تاريخ: ", bdi(event.reason)) : null,
    el("div", { class: "muted" }, `${sources} مصدر`));
}

async function showTimeline() {
  const params = new URLSearchParams();
  if (timelineState.kind) params.set("kind", timelineState.kind);
  if (timelineState.story) params.set("story", timelineState.story);
  const [data, stories] = await Promise.all([
    api(`/api/timeline?${params}`), api("/api/stories?limit=500"),
  ]);
  const conflicted = new Set(data.conflicts.flatMap((c) => c.events));
  for (const e of data.events) e.conflict = conflicted.has(e.id);

  const zoom = el("select", { id: "zoom", onchange: (ev) => { timelineState.zoom = ev.target.value; showTimeline().catch(fail); } },
    ...Object.keys(ZOOM).map((z) => el("option", { value: z, selected: z === timelineState.zoom }, { year: "سنة", month: "شهر", day: "يوم" }[z])));
  const kind = el("select", { id: "kind", onchange: (ev) => { timelineState.kind = ev.target.value; showTimeline().catch(fail); } },
    el("option", { value: "" }, "كل الأنواع"),
    ...data.kinds.map((k) => el("option", { value: k, selected: k === timelineState.kind }, k)));
  const story = el("select", { id: "story", onchange: (ev) => { timelineState.story = ev.target.value; showTimeline().catch(fail); } },
    el("option", { value: "" }, "كل القصص"),
    ...stories.items.map((s) => el("option", { value: s.id, selected: s.id === timelineState.story }, s.label)));

  const list = el("div", { id: "timeline" });
  let current = null;
  for (const event of data.events) {
    const key = groupKey(event.date, timelineState.zoom);
    if (key !== current) {
      current = key;
      list.appendChild(el("div", { class: "group-head" }, bdi(key)));
    }
    list.appendChild(eventCard(event, event.conflict ? "conflict" : ""));
  }
  const undated = el("section", { id: "undated" }, el("h2", {}, `أحداث بلا تاريخ (${data.undated.length})`),
    el("p", { class: "muted" }, "لا تعطي المصادر تاريخًا لهذه الأحداث؛ لا يُخمَّن التاريخ."),
    ...data.undated.map((e) => eventCard(e, "undated")));
  const conflicts = el("section", { id: "conflicts" }, el("h2", {}, `الحدث نفسه بتواريخ مختلفة (${data.conflicts.length})`),
    ...data.conflicts.map((c) => el("div", { class: "card conflict" }, bdi(c.name), el("span", { class: "kind" }, c.kind), " : ",
      ...c.events.map((id, i) => [i ? "، " : "", el("a", { href: eventLink(id) }, bdi(c.dates[i] || id))]))));
  show(el("h1", {}, "الخط الزمني"),
    el("div", { class: "controls" }, el("label", {}, "التكبير: ", zoom), el("label", {}, "النوع: ", kind), el("label", {}, "القصة: ", story),
      el("span", { class: "muted" }, `${data.events.length} حدث مؤرخ، ${data.undated.length} بلا تاريخ`),
      el("a", { href: "/api/export/timeline?format=html" }, "تقرير HTML"),
      el("a", { href: "/api/export/timeline?format=csv" }, "CSV"),
      el("a", { href: "/api/export/timeline?format=timelinejs" }, "TimelineJS")),
    list, undated, conflicts);
}

// ---- event card ----------------------------------------------------------------------

async function showEvent(id) {
  const event = await api(`/api/events/${encodeURIComponent(id)}`);
  const sources = event.sources.map((s) => el("div", { class: "source", "data-doc": s.doc },
    el("div", { class: "muted" }, bdi(s.doc), s.published ? [" — ", bdi(s.published)] : null, " — ",
      el("a", { href: articleLink(s.article_id, s.start, s.end) }, "افتح المقال")),
    el("div", { dir: "rtl", lang: "ar" },
      el("span", { class: "context" }, s.before),
      el("mark", { class: "source-sentence" }, s.sentence),
      el("span", { class: "context" }, s.after))));
  const quotes = event.quotes.map((q) => el("li", {},
    q.speaker ? el("a", { href: entityLink(q.speaker) }, bdi(q.speaker)) : "(متحدث غير معروف)", " — ", q.cue, ": «", q.content, "»",
    el("span", { class: "muted" }, " ", bdi(q.doc))));
  show(
    el("p", {}, el("a", { href: "#/timeline" }, "→ الخط الزمني")),
    el("h1", { id: "event-title" }, event.title),
    el("p", {}, bdi(event.date || "بلا تاريخ", { class: "date" }), el("span", { class: "kind" }, event.kind)),
    event.reason ? el("p", { class: "reason" }, "لماذا بلا تاريخ: ", bdi(event.reason)) : null,
    event.conflicts.length ? el("p", { class: "reason" }, "الاسم نفسه بتواريخ أخرى: ",
      ...event.conflicts.flatMap((c) => c.events.filter((e) => e !== event.id).map((e, i) => [i ? "، " : "", el("a", { href: eventLink(e) }, bdi(c.dates[c.events.indexOf(e)] || e))]))) : null,
    event.participants.length ? el("p", { class: "participants" }, "المشاركون: ", ...event.participants.map((p) => el("a", { href: entityLink(p) }, bdi(p)))) : null,
    el("h2", {}, `المصادر (${event.sources.length})`),
    el("div", { id: "sources" }, ...sources),
    quotes.length ? [el("h2", {}, "التصريحات"), el("ul", {}, ...quotes)] : null);
}

// ---- article view --------------------------------------------------------------------

const LAYERS = [
  ["timex", "التواريخ", (a) => a.timexes.map((t) => [t.start, t.end, `${t.text} → ${t.value || "?"}`])],
  ["entity", "الكيانات", (a) => a.entities.map((e) => [e.start, e.end, `${e.type}: ${e.canonical}${e.role ? " — " + e.role : ""}`])],
  ["quote", "الاقتباسات", (a) => a.quotes.map((q) => [q.content_start, q.content_end, `${q.speaker || "?"} (${q.cue})`])],
  ["quantity", "الكميات", (a) => a.quantities.map((q) => [q.start, q.end, `${q.value} ${q.unit || ""}`])],
  ["boilerplate", "الحشو", (a) => a.boilerplate.map((b) => [b.start, b.end, b.kind])],
];
const activeLayers = new Set(["timex", "entity", "quote", "quantity", "boilerplate"]);

// Cut the text at every span boundary; each piece is a text node in a span whose classes
// name the layers covering it.
function layeredText(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(Math.max(0, Math.min(text.length, s.start))); cuts.add(Math.max(0, Math.min(text.length, s.end))); }
  const points = [...cuts].sort((a, b) => a - b);
  const container = el("div", { class: "article-text", id: "article-text", dir: "rtl", lang: "ar" });
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const covering = spans.filter((s) => s.start <= from && to <= s.end && s.start < s.end);
    const piece = text.slice(from, to);
    if (!covering.length) { container.appendChild(document.createTextNode(piece)); continue; }
    container.appendChild(el("span", {
      class: covering.map((s) => `layer-${s.layer}`).join(" "),
      title: covering.map((s) => s.note).filter(Boolean).join(" | ") || null,
      "data-start": from,
    }, piece));
  }
  return container;
}

async function showArticle(id, query) {
  const article = await api(`/api/articles/${encodeURIComponent(id)}`);
  const focus = (query.get("focus") || "").match(/^(\d+)-(\d+)$/);
  const render = () => {
    const spans = [];
    for (const [layer, , pick] of LAYERS) {
      if (!activeLayers.has(layer)) continue;
      for (const [start, end, note] of pick(article)) spans.push({ layer, start, end, note });
    }
    if (focus) spans.push({ layer: "focus", start: Number(focus[1]), end: Number(focus[2]), note: "" });
    const text = layeredText(article.text, spans);
    document.getElementById("article-text").replaceWith(text);
    const target = text.querySelector(".layer-focus");
    if (target) target.scrollIntoView({ block: "center" });
  };
  const toggles = LAYERS.map(([layer, label]) => el("label", { class: `layer-${layer}` },
    el("input", { type: "checkbox", "data-layer": layer, checked: activeLayers.has(layer),
      onchange: (ev) => { if (ev.target.checked) activeLayers.add(layer); else activeLayers.delete(layer); render(); } }), label));
  const p = article.published;
  show(
    el("h1", { id: "article-title" }, article.title || bdi(article.doc)),
    el("p", { class: "muted" }, bdi(article.doc), " — ", article.outlet ? [bdi(article.outlet), " — "] : null,
      "النشر: ", bdi(p.value || "غير معروف"), ` (${p.source})`, p.note ? [" — ", p.note] : null),
    el("div", { class: "controls legend" }, ...toggles),
    el("div", { id: "article-text" }),
    article.events.length ? el("p", { class: "muted" }, `${article.events.length} ذكر لحدث، ${article.quotes.length} اقتباس`) : null);
  render();
}

// ---- entities ------------------------------------------------------------------------

async function showEntities(query) {
  const type = query.get("type") || "";
  const data = await api(`/api/entities?limit=500${type ? "&type=" + type : ""}`);
  const select = el("select", { onchange: (ev) => { location.hash = `#/entities${ev.target.value ? "?type=" + ev.target.value : ""}`; } },
    ...["", "PER", "ORG", "LOC", "EVENT", "MISC"].map((t) => el("option", { value: t, selected: t === type }, t || "الكل")));
  const rows = data.items.map((r) => el("tr", {},
    el("td", {}, el("a", { href: entityLink(r.canonical) }, bdi(r.canonical))), el("td", {}, r.type),
    el("td", {}, r.aliases.join(" / ")), el("td", {}, r.roles.join("؛ ")), el("td", {}, String(r.mentions))));
  show(el("h1", {}, "الفاعلون والأماكن"), el("div", { class: "controls" }, el("label", {}, "النوع: ", select),
    el("span", { class: "muted" }, `${data.total} كيان`)),
    el("table", {}, el("thead", {}, el("tr", {}, ...["الاسم", "النوع", "الكتابات", "الصفات", "الذكر"].map((h) => el("th", {}, h)))), el("tbody", {}, ...rows)));
}

async function showEntity(name) {
  const e = await api(`/api/entities/${encodeURIComponent(name)}`);
  show(el("h1", {}, bdi(e.canonical)),
    el("p", {}, el("span", { class: "kind" }, e.type), " ", e.roles.join("؛ ")),
    el("p", {}, "يُكتب: ", e.aliases.join(" / ")),
    el("p", { class: "muted" }, `${e.mentions} ذكر في ${e.docs.length} تقرير`),
    el("h2", {}, `ما قاله (${e.quotes.length})`),
    el("ul", {}, ...e.quotes.map((q) => el("li", {}, bdi(q.date || q.published || "بلا تاريخ", { class: "date" }), " — ", q.cue, ": «", q.content, "» ",
      el("a", { href: articleLink(q.article_id, q.content_start, q.content_end) }, bdi(q.doc))))),
    el("h2", {}, `الأحداث (${e.events.length})`),
    ...e.events.map((ev) => eventCard(ev, ev.date ? "" : "undated")));
}

// ---- factors -------------------------------------------------------------------------

function barChart(byDate) {
  const dates = Object.keys(byDate);
  const ns = "http://www.w3.org/2000/svg";
  const step = dates.length <= 12 ? 64 : 22;
  const width = Math.max(200, dates.length * step + 20), height = 120;
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("width", width); svg.setAttribute("height", height); svg.setAttribute("dir", "ltr");
  const max = Math.max(1, ...Object.values(byDate));
  dates.forEach((date, i) => {
    const h = Math.round((byDate[date] / max) * (height - 30));
    const rect = document.createElementNS(ns, "rect");
    rect.setAttribute("x", 10 + i * step); rect.setAttribute("y", height - 20 - h);
    rect.setAttribute("width", 16); rect.setAttribute("height", h);
    const tip = document.createElementNS(ns, "title"); tip.textContent = `${date}: ${byDate[date]}`;
    rect.appendChild(tip); svg.appendChild(rect);
    if (dates.length <= 12 || i % Math.ceil(dates.length / 8) === 0) {
      const label = document.createElementNS(ns, "text");
      label.setAttribute("x", 10 + i * step); label.setAttribute("y", height - 6); label.textContent = date;
      svg.appendChild(label);
    }
  });
  return el("div", { class: "bars" }, svg);
}

async function showFactors() {
  const data = await api("/api/factors");
  show(el("h1", {}, "العوامل: ", bdi(data.name)),
    el("p", { class: "muted" }, `${data.articles_with_evidence} من ${data.articles} مقال فيها دليل`),
    ...data.factors.map((f) => el("div", { class: "card" },
      el("h2", {}, f.name_ar || "", " ", bdi(f.name)),
      el("p", {}, `${f.evidence} دليل في ${f.documents} مقال؛ الاتجاه: `, bdi(f.direction || "—"),
        f.direction_meaning ? [" (", f.direction_meaning, ")"] : null, f.undated ? ` — ${f.undated} بلا تاريخ` : null),
      Object.keys(f.by_date).length ? barChart(f.by_date) : el("p", { class: "muted" }, "لا دليل مؤرخ"),
      f.latest ? el("p", { class: "muted" }, "آخر دليل: ", bdi(f.latest.date), " — «", f.latest.sentence, "» ", bdi(f.latest.doc)) : null)));
}

// ---- articles, search ----------------------------------------------------------------

async function showArticles(query) {
  const offset = Number(query.get("offset") || 0), limit = 50;
  const data = await api(`/api/articles?limit=${limit}&offset=${offset}`);
  show(el("h1", {}, `المقالات (${data.total})`),
    el("ul", {}, ...data.items.map((a) => el("li", {}, el("a", { href: articleLink(a.id) }, a.title || bdi(a.doc)), " ",
      el("span", { class: "muted" }, bdi(a.doc), " — ", bdi(a.published.value || "?"))))),
    pager(data, (o) => `#/articles?offset=${o}`));
}

function pager(data, link) {
  return el("div", { class: "pager" },
    data.offset > 0 ? el("a", { href: link(Math.max(0, data.offset - data.limit)) }, "السابق") : null,
    el("span", { class: "muted" }, `${data.offset + 1}–${Math.min(data.total, data.offset + data.limit)} من ${data.total}`),
    data.offset + data.limit < data.total ? el("a", { href: link(data.offset + data.limit) }, "التالي") : null);
}

function snippetNode(snippet) {
  const node = el("div", { class: "snippet", dir: "rtl", lang: "ar" });
  let cursor = 0;
  for (const [start, end] of snippet.highlights) {
    node.appendChild(document.createTextNode(snippet.text.slice(cursor, start)));
    node.appendChild(el("mark", {}, snippet.text.slice(start, end)));
    cursor = end;
  }
  node.appendChild(document.createTextNode(snippet.text.slice(cursor)));
  return node;
}

async function showSearch(query) {
  const q = query.get("q") || "";
  const offset = Number(query.get("offset") || 0);
  document.getElementById("search-input").value = q;
  if (!q.trim()) { show(el("h1", {}, "بحث"), el("p", { class: "muted" }, "اكتب كلمة في مربع البحث.")); return; }
  const data = await api(`/api/search?q=${encodeURIComponent(q)}&offset=${offset}`);
  show(el("h1", {}, "نتائج البحث عن «", q, "»"),
    el("p", { class: "muted", id: "search-total" }, `${data.total} نتيجة`),
    el("div", { id: "results" }, ...data.items.map((item) => {
      const first = item.snippet.highlights[0];
      const link = first ? articleLink(item.id, item.snippet.start + first[0], item.snippet.start + first[1]) : articleLink(item.id);
      return el("div", { class: "card result" }, el("a", { href: link }, item.title || bdi(item.doc)), " ",
        el("span", { class: "muted" }, bdi(item.doc)), snippetNode(item.snippet));
    })),
    pager(data, (o) => `#/search?q=${encodeURIComponent(q)}&offset=${o}`));
}

// ---- ingest --------------------------------------------------------------------------

function showIngest() {
  const token = el("input", { type: "password", id: "token", placeholder: "رمز الرفع", autocomplete: "off" });
  const files = el("input", { type: "file", id: "files", multiple: true, accept: ".txt,.html,.htm,.json,.jsonl,.ndjson" });
  const progress = el("progress", { class: "progress", max: 100, value: 0 });
  const result = el("pre", { id: "ingest-result", dir: "ltr" });
  const send = (ev) => {
    ev.preventDefault();
    const body = new FormData();
    for (const file of files.files) body.append("files", file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/ingest");
    xhr.setRequestHeader("Authorization", `Bearer ${token.value}`);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) progress.value = Math.round((e.loaded / e.total) * 100); };
    xhr.onload = () => { progress.value = 100; result.textContent = `${xhr.status}\n${xhr.responseText}`; };
    xhr.onerror = () => { result.textContent = "network error"; };
    result.textContent = "…";
    xhr.send(body);
  };
  show(el("h1", {}, "رفع ملفات"),
    el("form", { onsubmit: send }, el("p", {}, token), el("p", {}, files), el("p", {}, el("button", { type: "submit" }, "رفع وتحليل"))),
    progress, result);
}

// ---- routing -------------------------------------------------------------------------

async function route() {
  const hash = location.hash.replace(/^#\/?/, "") || "timeline";
  const [path, search] = hash.split("?");
  const query = new URLSearchParams(search || "");
  const [page, ...rest] = path.split("/");
  const arg = decodeURIComponent(rest.join("/"));
  for (const link of document.querySelectorAll("[data-nav]")) link.classList.toggle("active", link.dataset.nav === page);
  view.setAttribute("aria-busy", "true");
  try {
    if (page === "event") await showEvent(arg);
    else if (page === "article") await showArticle(arg, query);
    else if (page === "entities") await showEntities(query);
    else if (page === "entity") await showEntity(arg);
    else if (page === "factors") await showFactors();
    else if (page === "articles") await showArticles(query);
    else if (page === "search") await showSearch(query);
    else if (page === "ingest") showIngest();
    else await showTimeline();
  } catch (error) {
    fail(error);
  } finally {
    view.setAttribute("aria-busy", "false");
  }
}

document.getElementById("search-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  location.hash = `#/search?q=${encodeURIComponent(document.getElementById("search-input").value)}`;
});
window.addEventListener("hashchange", route);
route();
