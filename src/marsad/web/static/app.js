// marsad web page: hash routes over the REST API (helpers in ui.js, the axis in axis.js).
// Article text only ever reaches the page through text nodes (el(), textContent):
// never innerHTML.
"use strict";

const KIND_LABELS = {};  // event kinds are shown as the API names them, isolated

function sourceCount(event) { return count(event.reports || event.sources.length, "report"); }

function eventCard(event, extraClass) {
  return el("a", { class: `card event-row ${extraClass || ""}`, href: eventLink(event.id), "data-event": event.id },
    el("div", {},
      bdi(event.date || "بلا تاريخ", { class: "date", dir: "ltr" }), " — ",
      el("strong", { class: "event-title" }, bdi(event.title)),
      el("span", { class: "kind" }, bdi(KIND_LABELS[event.kind] || event.kind)),
      event.conflict ? el("span", { class: "badge" }, "تعارض") : null),
    event.participants.length ? el("div", { class: "muted" }, joined(event.participants)) : null,
    event.reason ? el("div", { class: "reason" }, "لماذا بلا تاريخ: ", bdi(event.reason)) : null,
    el("div", { class: "muted" }, sourceCount(event)));
}

// ---- timeline ------------------------------------------------------------------------

const SCOPE_KEYS = ["story", "kind", "entity", "q", "since", "until"];

function scopeOf(params) {
  const scope = {};
  for (const key of SCOPE_KEYS) if (params.get(key)) scope[key] = params.get(key);
  return scope;
}

function exportLinks(scope) {
  const link = (format, label) => el("a", { href: `/api/export/timeline?${query({ ...scope, format })}`, "data-export": format, download: "" }, bdi(label));
  return el("span", { class: "exports" }, "تصدير: ", link("html", "HTML"), " · ", link("csv", "CSV"), " · ", link("timelinejs", "TimelineJS"), " · ", link("json", "JSON"), " · ", link("md", "Markdown"));
}

// The axis and the list of the events in its window, for a scope (the timeline page and
// a story's page both use it).
async function timelinePanel(scope, zoom) {
  const axisData = await api(`/api/timeline/axis?${query(scope)}`);
  const conflicted = new Set();
  const list = el("div", { id: "timeline" });
  const listHead = el("h2", { id: "window-head" }, "الأحداث في النافذة");
  let windowDays = null;
  const fill = async (offset) => {
    const params = { ...scope, limit: 50, offset };
    if (windowDays && !scope.since && !scope.until) { params.since = windowDays[0]; params.until = windowDays[1]; }
    const data = await api(`/api/timeline?${query(params)}`);
    for (const c of data.conflicts) conflicted.add(c.event);
    for (const c of data.name_dates) for (const id of c.events) conflicted.add(id);
    listHead.replaceChildren("الأحداث في النافذة ", el("span", { class: "muted" }, `(${count(data.total, "event")})`));
    const cards = data.events.map((e) => { e.conflict = conflicted.has(e.id); return eventCard(e, e.conflict ? "conflict" : ""); });
    list.replaceChildren(...cards, ...[pagerButtons(data, fill)].filter(Boolean));
  };
  const axis = new TimeAxis(axisData, {
    zoom, since: scope.since, until: scope.until,
    onWindow: (days) => { windowDays = days; fill(0).catch(fail); },
  });
  if (axis.window) windowDays = axis.windowDays();
  fill(0).catch(fail);
  return { axisData, nodes: [axis.node, listHead, list] };
}

function pagerButtons(data, fill) {
  if (data.total <= data.limit) return null;
  return el("div", { class: "pager" },
    data.offset > 0 ? el("button", { type: "button", onclick: () => fill(Math.max(0, data.offset - data.limit)).catch(fail) }, "السابق") : null,
    el("span", { class: "muted" }, bdi(`${data.offset + 1}–${Math.min(data.total, data.offset + data.limit)}`), " من ", bdi(String(data.total))),
    data.offset + data.limit < data.total ? el("button", { type: "button", onclick: () => fill(data.offset + data.limit).catch(fail) }, "التالي") : null);
}

async function showTimeline(params) {
  const scope = scopeOf(params);
  const panel = await timelinePanel(scope, params.get("zoom"));
  // The story list comes when the stories are clustered; the axis never waits for it.
  const storySelect = el("select", { name: "story", id: "story" }, el("option", { value: "" }, "كل القصص"),
    scope.story ? el("option", { value: scope.story, selected: true }, bdi(scope.story)) : null);
  api("/api/stories?limit=100").then((stories) => {
    storySelect.replaceChildren(el("option", { value: "" }, "كل القصص"),
      ...stories.items.map((s) => el("option", { value: s.id, selected: s.id === scope.story }, s.label)));
  }).catch(() => {});
  const kinds = panel.axisData.kinds;
  const go = (changes) => { location.hash = `#/timeline?${query({ ...scope, ...changes })}`; };
  const form = el("form", { class: "controls scope", id: "scope-form", onsubmit: (ev) => {
    ev.preventDefault();
    const data = new FormData(ev.target);
    const next = {};
    for (const key of SCOPE_KEYS) next[key] = data.get(key) || "";
    location.hash = `#/timeline?${query(next)}`;
  } },
    el("label", {}, "القصة: ", storySelect),
    el("label", {}, "النوع: ", el("select", { name: "kind", id: "kind" }, el("option", { value: "" }, "كل الأنواع"),
      ...kinds.map((k) => el("option", { value: k, selected: k === scope.kind }, k)))),
    el("label", {}, "كيان: ", el("input", { name: "entity", value: scope.entity || "", dir: "auto", size: 14 })),
    el("label", {}, "كلمات: ", el("input", { name: "q", value: scope.q || "", dir: "auto", size: 14 })),
    el("label", {}, "من: ", el("input", { name: "since", value: scope.since || "", placeholder: "2015-01", dir: "ltr", size: 9 })),
    el("label", {}, "إلى: ", el("input", { name: "until", value: scope.until || "", placeholder: "2015-12", dir: "ltr", size: 9 })),
    el("button", { type: "submit" }, "تطبيق"),
    Object.keys(scope).length ? el("button", { type: "button", onclick: () => go({ story: "", kind: "", entity: "", q: "", since: "", until: "" }) }, "مسح") : null);
  const a = panel.axisData;
  show(el("h1", {}, "الخط الزمني"), form,
    el("p", { class: "muted", id: "timeline-counts" }, `${count(a.total, "event")} على المحور، ${count(a.background.total, "event")} في الخلفية، ${count(a.undated.total, "event")} بلا تاريخ، ${count(a.conflicts, "conflict")}`),
    el("p", {}, exportLinks(scope)),
    panel.nodes);
}

// ---- event card ----------------------------------------------------------------------

async function showEvent(id) {
  const event = await api(`/api/events/${encodeURIComponent(id)}`);
  const sources = event.sources.map((s) => el("div", { class: "source", "data-doc": s.doc },
    el("div", { class: "muted" }, bdi(s.doc), s.published ? [" — ", bdi(s.published, { dir: "ltr" })] : null, " — ",
      el("a", { href: articleLink(s.article_id, s.start, s.end) }, "افتح المقال")),
    el("div", { dir: "rtl", lang: "ar" },
      el("span", { class: "context" }, s.before),
      el("mark", { class: "source-sentence" }, s.sentence),
      el("span", { class: "context" }, s.after))));
  const quotes = event.quotes.map((q) => el("li", {},
    q.speaker ? el("a", { href: entityLink(q.speaker) }, bdi(q.speaker)) : "(متحدث غير معروف)", " — ", bdi(q.cue), ": «", bdi(q.content), "»",
    el("span", { class: "muted" }, " ", bdi(q.doc))));
  const otherDates = event.name_dates.flatMap((c) => c.events.map((e, i) => [e, c.dates[i]]).filter(([e]) => e !== event.id));
  show(
    el("p", {}, el("a", { href: "#/timeline" }, "→ الخط الزمني")),
    el("h1", { id: "event-title" }, bdi(event.title)),
    el("p", {}, bdi(event.date || "بلا تاريخ", { class: "date", dir: "ltr" }), el("span", { class: "kind" }, bdi(event.kind)), " ", sourceCount(event)),
    event.reason ? el("p", { class: "reason" }, "لماذا بلا تاريخ: ", bdi(event.reason)) : null,
    otherDates.length ? el("p", { class: "reason", id: "event-conflicts" }, "الاسم نفسه بتواريخ أخرى: ",
      joined(otherDates.map(([e, d]) => el("a", { href: eventLink(e) }, bdi(d || e, { dir: "ltr" }))))) : null,
    event.conflicts.length ? slotConflicts(event.conflicts) : null,
    event.participants.length ? el("p", { class: "participants" }, "المشاركون: ", joined(event.participants.map((p) => el("a", { href: entityLink(p) }, bdi(p))))) : null,
    el("h2", {}, "المصادر ", el("span", { class: "muted" }, `(${count(event.sources.length, "source")})`)),
    el("div", { id: "sources" }, ...sources),
    quotes.length ? [el("h2", {}, "التصريحات"), el("ul", {}, ...quotes)] : null);
}

// The reports of one event disagreeing on a slot (a figure, the date, the time, the place).
function slotConflicts(conflicts) {
  return el("div", { class: "slot-conflicts" }, ...conflicts.map((c) => el("div", { class: `card conflict slot-conflict${c.field.startsWith("figure") ? " figure-conflict" : ""}` },
    el("strong", {}, "المصادر تختلف: "), bdi(c.title), " ", paren(c.field),
    el("ul", {}, ...c.versions.map((v) => el("li", {}, bdi(String(Array.isArray(v.value) ? v.value.join("–") : v.value) + (v.unit ? ` ${v.unit}` : ""), { dir: "ltr", class: "figure" }),
      v.approximate ? " (تقريبًا)" : null, " — ",
      joined(v.sources.map((s) => el("a", { href: articleLink(s.article_id || "", s.start, s.end), title: s.text || "" }, bdi(s.doc))))))))));
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
    if (!covering.length) { container.append(...textNodes(piece)); continue; }
    container.appendChild(el("span", {
      class: covering.map((s) => `layer-${s.layer}`).join(" "),
      title: covering.map((s) => s.note).filter(Boolean).join(" | ") || null,
      "data-start": from,
    }, piece));
  }
  return container;
}

function reprintChain(chain, current) {
  return el("div", { class: "card reprints", "data-group": chain.id },
    el("strong", {}, chain.kind === "wire" ? "نسخ وكالة" : "إعادة نشر", " "), el("span", { class: "muted" }, `(${count(chain.members.length, "report")})`),
    el("ol", {}, ...chain.members.map((m) => el("li", { class: m.original ? "original" : "copy" },
      m.id === current ? el("strong", {}, bdi(m.title || m.doc)) : el("a", { href: articleLink(m.id) }, bdi(m.title || m.doc)),
      " — ", bdi(m.outlet || "؟"), " — ", bdi(m.published || "بلا تاريخ", { dir: "ltr" }),
      m.original ? el("span", { class: "badge original-badge" }, "الأصل") : el("span", { class: "muted" }, " تشابه ", bdi(String(m.similarity), { dir: "ltr" })),
      m.wire ? [" ", el("span", { class: "kind" }, bdi(m.wire))] : null))));
}

async function showArticle(id, params) {
  const article = await api(`/api/articles/${encodeURIComponent(id)}`);
  const focus = (params.get("focus") || "").match(/^(\d+)-(\d+)$/);
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
    el("h1", { id: "article-title" }, bdi(article.title || article.doc)),
    el("p", { class: "muted", id: "article-meta" }, bdi(article.doc), " — ", article.outlet ? [bdi(article.outlet, { class: "outlet" }), " — "] : null,
      "النشر: ", bdi(p.value || "غير معروف", { dir: "ltr" }), " ", paren(p.source), p.note ? [" — ", bdi(p.note)] : null,
      article.story ? [" — ", el("a", { href: storyLink(article.story) }, "القصة")] : null),
    article.url ? el("p", { class: "muted url" }, "الرابط: ", externalLink(article.url)) : null,
    article.reprints ? reprintChain(article.reprints, article.id) : null,
    el("div", { class: "controls legend" }, ...toggles),
    el("div", { id: "article-text" }),
    el("p", { class: "muted" }, count(article.events.length, "event"), "، ", count(article.quotes.length, "quote")));
  render();
}

// ---- entities ------------------------------------------------------------------------

const TYPES = { "": "الكل", PER: "أشخاص", ORG: "هيئات", LOC: "أماكن", EVENT: "أحداث", MISC: "أخرى" };

async function showEntities(params) {
  const type = params.get("type") || "", name = params.get("name") || "";
  const offset = Number(params.get("offset") || 0);
  const data = await api(`/api/entities?${query({ type, name, limit: 50, offset })}`);
  const link = (o) => `#/entities?${query({ type, name, offset: o })}`;
  const form = el("form", { class: "controls", onsubmit: (ev) => {
    ev.preventDefault(); const f = new FormData(ev.target);
    location.hash = `#/entities?${query({ type: f.get("type"), name: f.get("name") })}`;
  } },
    el("label", {}, "النوع: ", el("select", { name: "type" }, ...Object.entries(TYPES).map(([t, label]) => el("option", { value: t, selected: t === type }, label)))),
    el("label", {}, "الاسم: ", el("input", { name: "name", value: name, dir: "auto" })),
    el("button", { type: "submit" }, "عرض"),
    el("span", { class: "muted" }, count(data.total, "entity")));
  const rows = data.items.map((r) => el("tr", {},
    el("td", {}, el("a", { href: entityLink(r.key), class: "entity-link" }, entityName(r))), el("td", {}, bdi(r.type)),
    el("td", {}, joined(r.aliases.slice(0, 4), " / ")), el("td", {}, joined(r.roles.slice(0, 3), "؛ ")),
    el("td", {}, count(r.mentions, "mention"))));
  show(el("h1", {}, "الفاعلون والأماكن"), form,
    el("table", { id: "entities" }, el("thead", {}, el("tr", {}, ...["الاسم", "النوع", "الكتابات", "الصفات", "الذكر"].map((h) => el("th", {}, h)))), el("tbody", {}, ...rows)),
    pager(data, link));
}

// "first – last" of ISO dates, one date when they agree, "بلا تاريخ" when there are none.
function period(first, last) {
  if (!first && !last) return "بلا تاريخ";
  if (!last || first === last) return bdi(first || last, { dir: "ltr" });
  return [bdi(first || "؟", { dir: "ltr" }), " – ", bdi(last, { dir: "ltr" })];
}

function quoteItem(q, withSpeaker) {
  return el("li", { class: "quote" },
    bdi(q.when || "بلا تاريخ", { class: "date", dir: "ltr" }), " — ",
    withSpeaker ? [q.speaker_key ? el("a", { href: entityLink(q.speaker_key) }, bdi(q.speaker_ar || q.speaker)) : bdi(q.speaker || "متحدث غير معروف"), " — "] : null,
    bdi(q.cue), ": «", el("span", { class: "quote-content", dir: "auto" }, q.content), "» ",
    el("a", { href: articleLink(q.article_id, q.content_start, q.content_end), class: "muted" }, bdi(q.outlet || q.doc)));
}

async function showEntity(key) {
  const e = await api(`/api/entities/${encodeURIComponent(key)}`);
  const months = Object.entries(e.by_month);
  show(el("h1", { id: "entity-name" }, entityName(e)),
    el("p", {}, el("span", { class: "kind" }, bdi(e.type)), " ", count(e.mentions, "mention"), " في ", count(e.documents, "report"),
      e.name_source ? [" — مصدر الاسم اللاتيني: ", bdi(e.name_source)] : null,
      " — ", el("a", { href: `#/timeline?${query({ entity: e.key })}` }, "خطه الزمني"),
      " — ", el("a", { href: `#/quotes?${query({ speaker: e.canonical })}` }, "تصريحاته")),
    el("h2", {}, "الكتابات"),
    el("p", { id: "spellings" }, joined(e.spellings.map((s) => el("span", { class: "spelling" }, bdi(s.text), el("span", { class: "muted" }, ` (${s.mentions})`))), " / ")),
    e.roles_over_time.length ? [el("h2", {}, "الصفات عبر الزمن"),
      el("table", { id: "roles" }, el("tbody", {}, ...e.roles_over_time.map((r) => el("tr", {}, el("td", {}, bdi(r.role)),
        el("td", {}, period(r.first, r.last)), el("td", {}, count(r.mentions, "mention"))))))] : null,
    months.length ? [el("h2", {}, "الذكر عبر الزمن"), barChart(months, { label: "الذكر حسب الشهر" }),
      e.undated_mentions ? el("p", { class: "muted" }, count(e.undated_mentions, "mention"), " في تقارير بلا تاريخ") : null] : null,
    el("h2", {}, "ما قاله ", el("span", { class: "muted" }, `(${count(e.quotes_total, "quote")})`)),
    e.quotes.length ? windowed("ul", { id: "entity-quotes" }, e.quotes, (q) => quoteItem(q, false)) : el("p", { class: "muted", id: "entity-quotes-none" }, "لا تصريحات منسوبة إليه في التقارير."),
    e.quotes_total > e.quotes.length ? el("p", {}, el("a", { href: `#/quotes?${query({ speaker: e.canonical })}` }, "كل تصريحاته")) : null,
    e.about.length ? [el("h2", {}, "تصريحات تذكره ", el("span", { class: "muted" }, `(${count(e.about_total, "quote")})`)),
      windowed("ul", { id: "entity-about" }, e.about, (q) => quoteItem(q, true))] : null,
    el("h2", {}, "الأحداث ", el("span", { class: "muted" }, `(${count(e.events_total, "event")})`)),
    windowed("div", { id: "entity-events" }, e.events, (ev) => eventCard(ev, ev.date ? "" : "undated")),
    e.events_total > e.events.length ? el("p", {}, el("a", { href: `#/timeline?${query({ entity: e.key })}` }, "كل أحداثه على الخط الزمني")) : null,
    e.cooccurring.length ? [el("h2", {}, "يظهر معه"),
      el("p", { id: "cooccurring" }, joined(e.cooccurring.map((c) => el("a", { href: entityLink(c.key) }, entityName(c), el("span", { class: "muted" }, ` (${c.articles})`))), " · "))] : null);
}

// ---- stories -------------------------------------------------------------------------

async function showStories(params) {
  const offset = Number(params.get("offset") || 0);
  const data = await api(`/api/stories?limit=50&offset=${offset}`);
  show(el("h1", {}, "القصص ", el("span", { class: "muted" }, `(${count(data.total, "story")})`)),
    el("table", { id: "stories" }, el("thead", {}, el("tr", {}, ...["القصة", "التقارير", "الوسائل", "الفترة"].map((h) => el("th", {}, h)))),
      el("tbody", {}, ...data.items.map((s) => el("tr", {},
        el("td", {}, el("a", { href: storyLink(s.id) }, bdi(s.label))), el("td", {}, count(s.reports, "report")),
        el("td", {}, joined(s.outlets.slice(0, 4))), el("td", {}, period(s.first, s.last)))))),
    pager(data, (o) => `#/stories?offset=${o}`));
}

function dateConflict(c) {
  return el("div", { class: "card conflict date-conflict" },
    el("strong", {}, "تواريخ متعارضة: "), bdi(c.name), " ", el("span", { class: "kind" }, bdi(c.kind)),
    el("ul", {}, ...c.versions.map((v) => el("li", { class: "version" },
      el("a", { href: eventLink(v.event) }, bdi(v.value, { dir: "ltr", class: "date" })), " — ",
      joined(v.sources.map((s) => el("a", { href: articleLink(s.article_id, s.start, s.end), title: s.sentence || "" }, bdi(s.outlet || s.doc))))))));
}

async function showStory(id, params) {
  const story = await api(`/api/stories/${encodeURIComponent(id)}`);
  const scope = { story: id };
  const panel = await timelinePanel(scope, params.get("zoom"));
  const conflicts = story.conflicts.length + story.name_dates.length;
  show(el("p", {}, el("a", { href: "#/stories" }, "→ القصص")),
    el("h1", { id: "story-label" }, bdi(story.label)),
    el("p", { class: "muted" }, count(story.reports, "report"), " من ", count(story.outlets.length, "outlet"), " — ",
      period(story.first, story.last), " — ",
      el("a", { href: `#/articles?${query({ story: id })}` }, "المقالات"), " — ",
      el("a", { href: `#/quotes?${query({ story: id })}` }, "التصريحات"), " — ", exportLinks(scope)),
    el("h2", {}, "التعارضات ", el("span", { class: "muted" }, `(${count(conflicts, "conflict")})`)),
    el("div", { id: "story-conflicts" }, conflicts ? [...story.name_dates.map(dateConflict), slotConflicts(story.conflicts)] : el("p", { class: "muted" }, "لا تتعارض مصادر هذه القصة في تاريخ أو رقم.")),
    el("h2", {}, "سلاسل إعادة النشر ", el("span", { class: "muted" }, `(${story.reprints.length})`)),
    el("div", { id: "story-reprints" }, story.reprints.length ? story.reprints.map((c) => reprintChain(c, null)) : el("p", { class: "muted" }, "لا نسخ منقولة بين تقارير هذه القصة.")),
    el("h2", {}, "الوسائل"),
    el("table", { id: "story-outlets" }, el("tbody", {}, ...story.outlet_reports.map((o) => el("tr", {},
      el("td", {}, bdi(o.outlet || "غير معروفة")), el("td", {}, count(o.reports, "report")), el("td", {}, "أول تقرير: ", bdi(o.first || "؟", { dir: "ltr" })))))),
    el("h2", {}, "الخط الزمني للقصة"),
    panel.nodes);
}

// ---- factors -------------------------------------------------------------------------

const DIRECTION_LABELS = { up: "صعود", down: "هبوط", flat: "ثبات" };

function evidencePanel(factor) {
  const list = el("ol", { class: "evidence", "data-factor": factor.id });
  const select = el("select", { "data-direction": factor.id, onchange: () => fill(0).catch(fail) },
    el("option", { value: "" }, "كل الاتجاهات"), el("option", { value: "up" }, "صعود"), el("option", { value: "down" }, "هبوط"), el("option", { value: "none" }, "بلا اتجاه"));
  const foot = el("div", {});
  const fill = async (offset) => {
    const data = await api(`/api/factors/${encodeURIComponent(factor.id)}/evidence?${query({ direction: select.value, limit: 20, offset })}`);
    list.replaceChildren(...data.items.map((item) => el("li", { class: "evidence-item" },
      bdi(item.date || "بلا تاريخ", { class: "date", dir: "ltr" }), " ",
      item.direction ? el("span", { class: `direction ${item.direction > 0 ? "up" : "down"}` }, item.direction > 0 ? "▲" : "▼") : null,
      " «", el("span", { dir: "auto" }, item.sentence), "» ",
      el("a", { href: articleLink(item.article_id, item.sentence_start, item.sentence_end), class: "muted" }, bdi(item.outlet || item.doc)),
      el("span", { class: "muted" }, " — ", bdi(item.indicator), ": ", bdi(item.cue)))));
    foot.replaceChildren(...[pagerButtons(data, fill)].filter(Boolean));
  };
  fill(0).catch(fail);
  return el("details", { class: "evidence-panel" }, el("summary", {}, "الأدلة"), el("label", {}, "الاتجاه: ", select), list, foot);
}

async function showFactors() {
  const data = await api("/api/factors");
  show(el("h1", {}, "العوامل: ", bdi(data.name)),
    el("p", { class: "muted" }, count(data.articles_with_evidence, "article"), " فيها دليل من ", count(data.articles, "article")),
    ...data.factors.map((f) => el("div", { class: "card factor", "data-factor": f.id },
      el("h2", {}, f.name_ar ? [bdi(f.name_ar), " "] : null, el("span", { class: "latin" }, bdi(f.name, { lang: "en" }))),
      el("p", {}, count(f.evidence, "evidence"), " في ", count(f.documents, "article"), "؛ الاتجاه: ",
        bdi(DIRECTION_LABELS[f.direction] || "—"), f.direction_meaning ? [" ", paren(f.direction_meaning)] : null,
        f.undated ? ["، ", count(f.undated, "evidence"), " بلا تاريخ"] : null),
      Object.keys(f.by_month).length ? barChart(Object.entries(f.by_month), { label: `${f.name}: الأدلة حسب الشهر` }) : el("p", { class: "muted" }, "لا دليل مؤرخ"),
      f.evidence ? evidencePanel(f) : null)));
}

// ---- articles, search, quotes --------------------------------------------------------

async function showArticles(params) {
  const offset = Number(params.get("offset") || 0), story = params.get("story") || "", outlet = params.get("outlet") || "";
  const data = await api(`/api/articles?${query({ limit: 50, offset, story, outlet })}`);
  show(el("h1", {}, "المقالات ", el("span", { class: "muted" }, `(${count(data.total, "article")})`)),
    el("ul", { id: "articles" }, ...data.items.map((a) => el("li", {}, el("a", { href: articleLink(a.id) }, bdi(a.title || a.doc)), " ",
      el("span", { class: "muted" }, a.outlet ? [bdi(a.outlet), " — "] : null, bdi(a.published.value || "بلا تاريخ", { dir: "ltr" }))))),
    pager(data, (o) => `#/articles?${query({ offset: o, story, outlet })}`));
}

function snippetNode(snippet) {
  const node = el("div", { class: "snippet", dir: "rtl", lang: "ar" });
  let cursor = 0;
  for (const [start, end] of snippet.highlights) {
    node.append(...textNodes(snippet.text.slice(cursor, start)));
    node.appendChild(el("mark", {}, snippet.text.slice(start, end)));
    cursor = end;
  }
  node.append(...textNodes(snippet.text.slice(cursor)));
  return node;
}

async function showSearch(params) {
  const q = params.get("q") || "";
  const filters = { outlet: params.get("outlet") || "", since: params.get("since") || "", until: params.get("until") || "", story: params.get("story") || "" };
  const offset = Number(params.get("offset") || 0);
  document.getElementById("search-input").value = q;
  if (!q.trim()) { show(el("h1", {}, "بحث"), el("p", { class: "muted" }, "اكتب كلمة في مربع البحث.")); return; }
  const [data, outlets] = await Promise.all([api(`/api/search?${query({ q, ...filters, offset })}`), api("/api/outlets")]);
  const form = el("form", { class: "controls", id: "search-filters", onsubmit: (ev) => {
    ev.preventDefault(); const f = new FormData(ev.target);
    location.hash = `#/search?${query({ q, outlet: f.get("outlet"), since: f.get("since"), until: f.get("until"), story: filters.story })}`;
  } },
    el("label", {}, "الوسيلة: ", el("select", { name: "outlet" }, el("option", { value: "" }, "الكل"),
      ...outlets.items.map((o) => el("option", { value: o.outlet, selected: o.outlet === filters.outlet }, o.outlet)))),
    el("label", {}, "من: ", el("input", { name: "since", value: filters.since, placeholder: "2015-01", dir: "ltr", size: 9 })),
    el("label", {}, "إلى: ", el("input", { name: "until", value: filters.until, placeholder: "2015-12", dir: "ltr", size: 9 })),
    el("button", { type: "submit" }, "تصفية"));
  show(el("h1", {}, "نتائج البحث عن «", bdi(q), "»"), form,
    data.entities.length ? el("p", { class: "muted", id: "search-entities" }, "يشمل كل كتابات: ",
      joined(data.entities.map((e) => el("a", { href: entityLink(e.key) }, entityName(e))))) : null,
    el("p", { class: "muted", id: "search-total" }, count(data.total, "result")),
    el("div", { id: "results" }, ...data.items.map((item) => {
      const first = item.snippet.highlights[0];
      const link = first ? articleLink(item.id, item.snippet.start + first[0], item.snippet.start + first[1]) : articleLink(item.id);
      return el("div", { class: "card result" }, el("a", { href: link }, bdi(item.title || item.doc)), " ",
        el("span", { class: "muted" }, item.outlet ? [bdi(item.outlet), " — "] : null, bdi(item.published.value || item.doc, { dir: "ltr" })), snippetNode(item.snippet));
    })),
    pager(data, (o) => `#/search?${query({ q, ...filters, offset: o })}`));
}

async function showQuotes(params) {
  const filters = { speaker: params.get("speaker") || "", q: params.get("q") || "", since: params.get("since") || "", until: params.get("until") || "", story: params.get("story") || "" };
  const offset = Number(params.get("offset") || 0);
  const data = await api(`/api/quotes?${query({ ...filters, offset })}`);
  const form = el("form", { class: "controls", id: "quote-filters", onsubmit: (ev) => {
    ev.preventDefault(); const f = new FormData(ev.target); const next = {};
    for (const key of Object.keys(filters)) next[key] = f.get(key) || "";
    location.hash = `#/quotes?${query(next)}`;
  } },
    el("label", {}, "المتحدث: ", el("input", { name: "speaker", value: filters.speaker, dir: "auto", placeholder: "Austin / أوستن" })),
    el("label", {}, "النص: ", el("input", { name: "q", value: filters.q, dir: "auto" })),
    el("label", {}, "من: ", el("input", { name: "since", value: filters.since, placeholder: "2015-01", dir: "ltr", size: 9 })),
    el("label", {}, "إلى: ", el("input", { name: "until", value: filters.until, placeholder: "2015-12", dir: "ltr", size: 9 })),
    el("input", { type: "hidden", name: "story", value: filters.story }),
    el("button", { type: "submit" }, "بحث"));
  show(el("h1", {}, "مستكشف التصريحات"), form,
    filters.story ? el("p", { class: "muted" }, "ضمن ", el("a", { href: storyLink(filters.story) }, "القصة")) : null,
    el("p", { class: "muted", id: "quotes-total" }, count(data.total, "quote")),
    el("ul", { id: "quotes" }, ...data.items.map((q) => quoteItem(q, true))),
    pager(data, (o) => `#/quotes?${query({ ...filters, offset: o })}`));
}

// ---- ingest --------------------------------------------------------------------------

function ingestReport(status, report) {
  if (status !== 200) return el("p", { class: "error", id: "ingest-result" }, bdi(`${status}: ${report.detail ? JSON.stringify(report.detail) : ""}`));
  return el("div", { id: "ingest-result" },
    el("p", {}, count(report.files, "file"), "؛ ", count(report.articles, "article"), " (", String(report.new), " جديد، ", String(report.updated), " محدّث)"),
    report.errors.length ? el("table", { class: "errors" }, el("tbody", {}, ...report.errors.map((e) => el("tr", {},
      el("td", {}, bdi(e.file, { dir: "ltr" })), el("td", { dir: "ltr" }, bdi(e.error)), el("td", {}, e.count ? `×${e.count}` : ""))))) : null);
}

function showIngest() {
  const token = el("input", { type: "password", id: "token", placeholder: "رمز الرفع", autocomplete: "off" });
  const files = el("input", { type: "file", id: "files", multiple: true, accept: ".txt,.html,.htm,.json,.jsonl,.ndjson" });
  const fields = el("input", { id: "fields", dir: "ltr", size: 40, placeholder: "text=content published=date_extracted outlet=source_name" });
  const outlet = el("input", { id: "outlet", dir: "auto" });
  const published = el("input", { id: "published", dir: "ltr", placeholder: "2015-07-21" });
  const progress = el("progress", { class: "progress", max: 100, value: 0 });
  const result = el("div", { id: "ingest-output" });
  const send = (ev) => {
    ev.preventDefault();
    const body = new FormData();
    for (const file of files.files) body.append("files", file, file.name);
    if (fields.value.trim()) body.append("fields", fields.value.trim());
    if (outlet.value.trim()) body.append("outlet", outlet.value.trim());
    if (published.value.trim()) body.append("published", published.value.trim());
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/ingest");
    xhr.setRequestHeader("Authorization", `Bearer ${token.value}`);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) progress.value = Math.round((e.loaded / e.total) * 100); };
    xhr.onload = () => {
      progress.value = 100;
      let report = {};
      try { report = JSON.parse(xhr.responseText); } catch (e) { report = { detail: xhr.responseText }; }
      result.replaceChildren(ingestReport(xhr.status, report));
    };
    xhr.onerror = () => { result.replaceChildren(el("p", { class: "error" }, "تعذر الاتصال بالخادم")); };
    result.replaceChildren(loading("جارٍ الرفع والتحليل…"));
    xhr.send(body);
  };
  show(el("h1", {}, "رفع ملفات"),
    el("form", { onsubmit: send, class: "ingest" },
      el("p", {}, el("label", {}, "الرمز: ", token)), el("p", {}, files),
      el("p", {}, el("label", {}, "ربط حقول JSON (حقلنا=حقلهم): ", fields)),
      el("p", { class: "muted" }, "حقولنا: ", bdi("id text title url published outlet", { dir: "ltr" })),
      el("p", {}, el("label", {}, "الوسيلة: ", outlet), " ", el("label", {}, "تاريخ النشر: ", published)),
      el("p", {}, el("button", { type: "submit" }, "رفع وتحليل"))),
    progress, result);
}

// ---- routing -------------------------------------------------------------------------

const ROUTES = {
  timeline: (arg, params) => showTimeline(params),
  event: (arg) => showEvent(arg),
  article: (arg, params) => showArticle(arg, params),
  entities: (arg, params) => showEntities(params),
  entity: (arg) => showEntity(arg),
  stories: (arg, params) => showStories(params),
  story: (arg, params) => showStory(arg, params),
  factors: () => showFactors(),
  articles: (arg, params) => showArticles(params),
  search: (arg, params) => showSearch(params),
  quotes: (arg, params) => showQuotes(params),
  ingest: () => showIngest(),
};

async function route() {
  const hash = location.hash.replace(/^#\/?/, "") || "timeline";
  const cut = hash.indexOf("?");
  const path = cut === -1 ? hash : hash.slice(0, cut);
  const params = new URLSearchParams(cut === -1 ? "" : hash.slice(cut + 1));
  const [page, ...rest] = path.split("/");
  const arg = decodeURIComponent(rest.join("/"));
  for (const link of document.querySelectorAll("[data-nav]")) link.classList.toggle("active", link.dataset.nav === page);
  view.setAttribute("aria-busy", "true");
  show(loading());
  try {
    await (ROUTES[page] || ROUTES.timeline)(arg, params);
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
