// marsad page helpers: elements, bidi-safe text, Arabic counts, charts, paging, loading.
// Text from the store only ever reaches the page through text nodes (el(), textContent):
// never innerHTML. Every mixed run is isolated (<bdi>, dir="auto"), and bidi control
// characters from the data are shown as visible marks, never obeyed.
"use strict";

// -- text and elements --------------------------------------------------------------------

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const BIDI_NAMES = {
  "\u202A": "LRE", "\u202B": "RLE", "\u202C": "PDF", "\u202D": "LRO", "\u202E": "RLO",
  "\u2066": "LRI", "\u2067": "RLI", "\u2068": "FSI", "\u2069": "PDI",
};

// A string as nodes: plain text, with each bidi control replaced by a visible, isolated mark.
function textNodes(text) {
  const value = String(text);
  BIDI_CONTROLS.lastIndex = 0;
  if (!BIDI_CONTROLS.test(value)) return [document.createTextNode(value)];
  const nodes = [];
  let cursor = 0;
  value.replace(BIDI_CONTROLS, (control, at) => {
    if (at > cursor) nodes.push(document.createTextNode(value.slice(cursor, at)));
    const code = control.codePointAt(0).toString(16).toUpperCase();
    const mark = document.createElement("bdi");
    mark.className = "bidi-control";
    mark.setAttribute("dir", "ltr");
    mark.setAttribute("title", `U+${code}`);
    mark.textContent = `⟨${BIDI_NAMES[control]}⟩`;
    nodes.push(mark);
    cursor = at + control.length;
    return control;
  });
  if (cursor < value.length) nodes.push(document.createTextNode(value.slice(cursor)));
  return nodes;
}

// Attribute values (tooltips) with bidi controls named, not obeyed.
function safeAttr(value) {
  return String(value).replace(BIDI_CONTROLS, (c) => `⟨${BIDI_NAMES[c]}⟩`);
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : safeAttr(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    if (child instanceof Node) node.appendChild(child);
    else for (const piece of textNodes(child)) node.appendChild(piece);
  }
  return node;
}

// An isolated run: names, dates, kinds, file names, anything that may mix scripts.
const bdi = (text, attrs) => el("bdi", { dir: "auto", ...(attrs || {}) }, text);

// "a، b، c" with each item isolated.
function joined(items, separator = "، ") {
  const out = [];
  items.forEach((item, i) => { if (i) out.push(separator); out.push(item instanceof Node ? item : bdi(item)); });
  return out;
}

// A link only for http(s) addresses: a javascript: or data: URL from the data is text.
function externalLink(url) {
  if (!url) return null;
  return /^https?:\/\//i.test(url) ? el("a", { href: url, rel: "noreferrer noopener", target: "_blank", dir: "ltr" }, url) : bdi(url, { dir: "ltr" });
}

// -- Arabic counts -------------------------------------------------------------------------

const PLURAL = new Intl.PluralRules("ar");
// Forms by plural category: zero, one, two, few (3-10), many (11-99), other (100, 0...).
const NOUNS = {
  event: ["لا أحداث", "حدث واحد", "حدثان", "{n} أحداث", "{n} حدثًا", "{n} حدث"],
  source: ["لا مصادر", "مصدر واحد", "مصدران", "{n} مصادر", "{n} مصدرًا", "{n} مصدر"],
  report: ["لا تقارير", "تقرير واحد", "تقريران", "{n} تقارير", "{n} تقريرًا", "{n} تقرير"],
  article: ["لا مقالات", "مقال واحد", "مقالان", "{n} مقالات", "{n} مقالًا", "{n} مقال"],
  mention: ["لا إشارات", "إشارة واحدة", "إشارتان", "{n} إشارات", "{n} إشارةً", "{n} إشارة"],
  entity: ["لا كيانات", "كيان واحد", "كيانان", "{n} كيانات", "{n} كيانًا", "{n} كيان"],
  quote: ["لا تصريحات", "تصريح واحد", "تصريحان", "{n} تصريحات", "{n} تصريحًا", "{n} تصريح"],
  result: ["لا نتائج", "نتيجة واحدة", "نتيجتان", "{n} نتائج", "{n} نتيجةً", "{n} نتيجة"],
  evidence: ["لا أدلة", "دليل واحد", "دليلان", "{n} أدلة", "{n} دليلًا", "{n} دليل"],
  story: ["لا قصص", "قصة واحدة", "قصتان", "{n} قصص", "{n} قصةً", "{n} قصة"],
  conflict: ["لا تعارض", "تعارض واحد", "تعارضان", "{n} تعارضات", "{n} تعارضًا", "{n} تعارض"],
  outlet: ["لا وسائل إعلام", "وسيلة واحدة", "وسيلتان", "{n} وسائل", "{n} وسيلةً", "{n} وسيلة"],
  file: ["لا ملفات", "ملف واحد", "ملفان", "{n} ملفات", "{n} ملفًا", "{n} ملف"],
};
const CATEGORIES = ["zero", "one", "two", "few", "many", "other"];

function count(n, noun) {
  const forms = NOUNS[noun];
  const rule = n === 0 ? "zero" : PLURAL.select(n);
  return forms[CATEGORIES.indexOf(rule)].replace("{n}", Number(n).toLocaleString("en"));
}

// -- data ----------------------------------------------------------------------------------

class ApiError extends Error {}

async function api(path, tries = 30) {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(path, { headers: { Accept: "application/json" } });
    if (response.status === 503 && attempt < tries) {
      loadingNote("جارٍ إعداد البيانات…");
      await new Promise((done) => setTimeout(done, 1000));
      continue;
    }
    if (!response.ok) {
      let detail = response.statusText;
      try { detail = (await response.json()).detail; } catch (e) { /* not JSON */ }
      throw new ApiError(`${response.status}: ${typeof detail === "string" ? detail : JSON.stringify(detail)}`);
    }
    return response.json();
  }
}

function query(params) {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== null && value !== undefined && value !== "") out.set(key, value);
  return out.toString();
}

// -- page state ----------------------------------------------------------------------------

const view = document.getElementById("view");

function show(...nodes) {
  const kept = nodes.flat(Infinity).filter((n) => n !== null && n !== undefined && n !== false);
  view.replaceChildren(...kept);
  window.scrollTo(0, 0);
}

function loading(text) {
  return el("div", { class: "loading", role: "status", id: "loading" }, el("span", { class: "spinner", "aria-hidden": "true" }), text || "جارٍ التحميل…");
}

function loadingNote(text) {
  const node = document.getElementById("loading");
  if (node) node.lastChild.textContent = text;
}

function fail(error) {
  show(el("p", { class: "error" }, "خطأ: ", bdi(error.message)));
}

// A long list shown ``step`` items at a time, with a button for more.
function windowed(tag, attrs, items, render, step = 20) {
  const list = el(tag, attrs);
  const more = el("button", { type: "button", class: "more" });
  let shown = 0;
  const grow = () => {
    list.append(...items.slice(shown, shown + step).map(render));
    shown = Math.min(items.length, shown + step);
    more.replaceChildren("عرض المزيد ", el("span", { class: "muted" }, `(${count(items.length - shown, "result")})`));
    more.hidden = shown >= items.length;
  };
  more.addEventListener("click", grow);
  grow();
  return [list, more];
}

function pager(data, link) {
  if (data.total <= data.limit && data.offset === 0) return null;
  return el("nav", { class: "pager", "aria-label": "الصفحات" },
    data.offset > 0 ? el("a", { href: link(Math.max(0, data.offset - data.limit)), rel: "prev" }, "السابق") : null,
    el("span", { class: "muted" }, bdi(`${data.offset + 1}–${Math.min(data.total, data.offset + data.limit)}`), " من ", bdi(data.total.toLocaleString("en"))),
    data.offset + data.limit < data.total ? el("a", { href: link(data.offset + data.limit), rel: "next" }, "التالي") : null);
}

// -- links ---------------------------------------------------------------------------------

const eventLink = (id) => `#/event/${encodeURIComponent(id)}`;
const entityLink = (key) => `#/entity/${encodeURIComponent(key)}`;
const storyLink = (id) => `#/story/${encodeURIComponent(id)}`;
function articleLink(id, start, end) {
  const focus = start !== undefined && start !== null ? `?focus=${start}-${end}` : "";
  return `#/article/${encodeURIComponent(id)}${focus}`;
}

// The name of an entity in both scripts: Arabic first, the Latin name isolated after it.
function entityName(row) {
  const arabic = row.canonical_ar && row.canonical_ar !== row.canonical ? row.canonical_ar : null;
  return arabic ? [bdi(arabic, { lang: "ar" }), " ", paren(row.canonical, { class: "latin", lang: "en" })] : [bdi(row.canonical)];
}

// "(text)" as one isolated run, so the brackets follow the direction of what they hold.
const paren = (text, attrs) => bdi(`(${text})`, attrs);

// -- charts ----------------------------------------------------------------------------------

const SVG = "http://www.w3.org/2000/svg";
function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs || {})) if (value !== null && value !== undefined) node.setAttribute(key, String(value));
  for (const child of children.flat()) if (child !== null && child !== undefined) node.appendChild(child instanceof Node ? child : document.createTextNode(safeAttr(child)));
  return node;
}

// Bars over time, right to left (the earliest at the right), each label centred under its
// own bar. ``series`` is [[label, value], ...] in time order.
function barChart(series, options) {
  const opts = options || {};
  const step = series.length <= 12 ? 56 : series.length <= 40 ? 26 : 14;
  const bar = Math.max(6, Math.round(step * 0.6));
  const width = Math.max(240, series.length * step + 20), height = opts.height || 130;
  const max = Math.max(1, ...series.map(([, v]) => v));
  const every = Math.max(1, Math.ceil(series.length / Math.floor(width / 64)));
  const chart = svg("svg", { width, height, class: "bar-chart", role: "img", "aria-label": opts.label || "" });
  series.forEach(([label, value], i) => {
    const centre = width - 10 - step * i - step / 2;
    const h = Math.max(1, Math.round((value / max) * (height - 36)));
    chart.appendChild(svg("rect", { x: centre - bar / 2, y: height - 22 - h, width: bar, height: h, "data-label": label, "data-value": value },
      svg("title", {}, `${label}: ${value}`)));
    if (i % every === 0) {
      chart.appendChild(svg("text", { x: centre, y: height - 6, "text-anchor": "middle", direction: "ltr", "data-for": label }, label));
    }
  });
  return el("div", { class: "chart", dir: "rtl" }, chart);
}
