// The timeline on a time axis, right to left (time runs from right to left as the text
// does). Marks are the scope's events, sized by their number of reports; zoom goes from
// years to days and the window pans; a background lane holds events far outside the
// period the reports cover, an undated lane those the sources give no date.
"use strict";

const DAY = 86400000;
const ZOOMS = {
  years: { label: "سنوات", span: null },
  months: { label: "أشهر", span: 366 * DAY },
  days: { label: "أيام", span: 31 * DAY },
};
const MONTHS_AR = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];

const dayValue = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);
const radius = (reports) => Math.min(16, 3 + 2.4 * Math.sqrt(reports));

// Tick positions for a window: years, months or days, whichever fits.
function ticks(from, to, width) {
  const out = [];
  const start = new Date(from);
  const spanDays = (to - from) / DAY;
  if (spanDays <= 62 && width / Math.max(1, spanDays) >= 18) {
    for (let t = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()); t <= to; t += DAY) {
      const d = new Date(t);
      out.push([t, d.getUTCDate() === 1 ? `${d.getUTCDate()} ${MONTHS_AR[d.getUTCMonth()]}` : String(d.getUTCDate())]);
    }
  } else if (spanDays <= 800) {
    for (let y = start.getUTCFullYear(), m = start.getUTCMonth(); Date.UTC(y, m, 1) <= to; m++) {
      if (m === 12) { m = 0; y++; }
      const t = Date.UTC(y, m, 1);
      if (t >= from) out.push([t, m === 0 ? `${MONTHS_AR[m]} ${y}` : MONTHS_AR[m]]);
    }
  } else {
    const years = spanDays / 365;
    const step = years <= 15 ? 1 : years <= 40 ? 5 : years <= 150 ? 10 : 50;
    for (let y = Math.ceil(start.getUTCFullYear() / step) * step; Date.UTC(y, 0, 1) <= to; y += step) out.push([Date.UTC(y, 0, 1), String(y)]);
  }
  return out;
}

class TimeAxis {
  constructor(data, options) {
    this.data = data;
    this.onWindow = options.onWindow || (() => {});
    const focus = data.span || data.focus;
    this.domain = focus ? [dayValue(focus.from), dayValue(focus.to) + DAY] : null;
    this.zoom = options.zoom && ZOOMS[options.zoom] ? options.zoom : "years";
    this.window = this.domain ? this.windowFor(this.zoom, (this.domain[0] + this.domain[1]) / 2) : null;
    if (this.domain && options.since && options.until) this.window = [dayValue(options.since.padEnd(10, "-01").slice(0, 10)), dayValue(options.until.padEnd(10, "-28").slice(0, 10)) + DAY];
    this.node = el("section", { class: "axis", id: "axis", "aria-label": "الخط الزمني على محور الزمن" });
    this.render();
  }

  windowFor(zoom, centre) {
    const span = ZOOMS[zoom].span || (this.domain[1] - this.domain[0]);
    const [low, high] = this.domain;
    let from = centre - span / 2;
    from = Math.max(low, Math.min(from, high - span));
    return [from, Math.min(high, from + span)];
  }

  // Where to zoom in: the middle of the reports in the window (weighted median), so a
  // closer look lands on events, not on an empty stretch between them.
  centreOfReports() {
    const [from, to] = this.window;
    const inside = this.data.marks.filter((m) => m.start && dayValue(m.start) < to && dayValue(m.end) + DAY > from)
      .map((m) => [(dayValue(m.start) + dayValue(m.end) + DAY) / 2, m.reports]).sort((a, b) => a[0] - b[0]);
    const total = inside.reduce((sum, [, n]) => sum + n, 0);
    let seen = 0;
    for (const [at, n] of inside) { seen += n; if (seen * 2 >= total) return at; }
    return (from + to) / 2;
  }

  setZoom(zoom) {
    this.zoom = zoom;
    this.window = this.windowFor(zoom, this.centreOfReports());
    this.render();
    this.onWindow(this.windowDays(), zoom);
  }

  pan(direction) {
    const span = this.window[1] - this.window[0];
    this.window = this.windowFor(this.zoom, (this.window[0] + this.window[1]) / 2 + direction * span * 0.6);
    this.render();
    this.onWindow(this.windowDays(), this.zoom);
  }

  windowDays() {
    return [isoDay(this.window[0]), isoDay(this.window[1] - DAY)];
  }

  controls() {
    return el("div", { class: "controls axis-controls" },
      el("span", {}, "التكبير: "),
      ...Object.entries(ZOOMS).map(([key, z]) => el("button", { type: "button", class: key === this.zoom ? "active" : "", "data-zoom": key, "aria-pressed": key === this.zoom ? "true" : "false", onclick: () => this.setZoom(key) }, z.label)),
      el("button", { type: "button", "data-pan": "older", onclick: () => this.pan(-1), title: "الأقدم" }, "→ الأقدم"),
      el("button", { type: "button", "data-pan": "newer", onclick: () => this.pan(1), title: "الأحدث" }, "الأحدث ←"),
      el("span", { class: "muted", id: "axis-window" }, bdi(this.windowDays()[0], { dir: "ltr" }), " – ", bdi(this.windowDays()[1], { dir: "ltr" })));
  }

  render() {
    const data = this.data;
    if (!this.domain) {
      this.node.replaceChildren(el("p", { class: "muted" }, "لا أحداث مؤرخة في هذا النطاق."), ...this.lanes().filter(Boolean));
      return;
    }
    const width = Math.max(600, Math.min(1100, (view.clientWidth || 1100) - 20));
    const height = 190, base = 150, pad = 18;
    const [from, to] = this.window;
    const x = (t) => width - pad - ((t - from) / (to - from)) * (width - 2 * pad);
    const chart = svg("svg", { width, height, class: "axis-chart", id: "axis-svg", role: "img", "aria-label": `${count(data.total, "event")} على المحور` });
    chart.appendChild(svg("line", { x1: pad, x2: width - pad, y1: base, y2: base, class: "axis-line" }));
    for (const [t, label] of ticks(from, to, width)) {
      const at = x(t);
      if (at < pad + 12 || at > width - pad - 12) continue;
      chart.appendChild(svg("line", { x1: at, x2: at, y1: base, y2: base + 6, class: "tick" }));
      chart.appendChild(svg("text", { x: at, y: base + 20, "text-anchor": "middle", class: "tick-label" }, label));
    }
    // Marks in the window, the most reported drawn last (on top); a column stacks upward.
    const visible = data.marks.filter((m) => m.start && dayValue(m.end) + DAY > from && dayValue(m.start) < to);
    const stacks = new Map();
    const drawn = [...visible].reverse();
    for (const mark of drawn) {
      const mid = (dayValue(mark.start) + dayValue(mark.end) + DAY) / 2;
      const at = x(Math.max(from, Math.min(to, mid)));
      const r = radius(mark.reports);
      const column = Math.round(at / 8);
      const height_ = stacks.get(column) || 0;
      stacks.set(column, height_ + Math.max(5, r));
      const y = base - 4 - r - Math.min(height_, base - 30);
      const span = dayValue(mark.end) + DAY - dayValue(mark.start);
      const node = svg("a", { href: eventLink(mark.id), class: `mark${mark.conflict ? " conflict" : ""}`, "data-id": mark.id, "data-reports": mark.reports },
        svg("title", {}, `${mark.date} — ${mark.title} — ${count(mark.reports, "report")}`));
      if (mark.date.includes("/") && span > 2 * DAY && x(dayValue(mark.start)) - x(dayValue(mark.end) + DAY) > 2 * r) {
        node.appendChild(svg("rect", { x: x(dayValue(mark.end) + DAY), y: y - 2, width: x(dayValue(mark.start)) - x(dayValue(mark.end) + DAY), height: 4, class: "range" }));
      }
      node.appendChild(svg("circle", { cx: at, cy: y, r, class: `kind-${(mark.kind || "").replace(/[^a-z_-]/gi, "")}` }));
      chart.appendChild(node);
    }
    const shown = visible.length, outside = data.marks.length - shown;
    this.node.replaceChildren(
      this.controls(),
      el("div", { class: "axis-frame" }, chart),
      el("p", { class: "muted", id: "axis-note" }, `${count(shown, "event")} في النافذة`,
        outside ? ["، ", count(outside, "event"), " خارجها"] : null,
        data.total > data.marks.length ? ["؛ تُعرض الأكثر تغطية من ", count(data.total, "event")] : null),
      ...this.lanes().filter(Boolean));
  }

  lane(id, title, lane, note) {
    if (!lane.total) return null;
    const marks = lane.marks.map((m) => el("a", { href: eventLink(m.id), class: "lane-mark", "data-id": m.id, title: `${m.title}${m.reason ? " — " + m.reason : ""}` },
      el("span", { class: `dot s${Math.min(4, Math.ceil(m.reports / 2))}`, "aria-hidden": "true" }), m.date ? bdi(m.date, { dir: "ltr", class: "date" }) : null, " ", bdi(m.title)));
    return el("section", { class: "lane", id }, el("h3", {}, title, " ", el("span", { class: "muted" }, `(${count(lane.total, "event")})`)),
      el("p", { class: "muted" }, note), el("div", { class: "lane-marks" }, ...marks));
  }

  lanes() {
    return [
      this.lane("lane-background", "خلفية", this.data.background, "أحداث تذكرها التقارير خارج الفترة التي تغطيها (تاريخ سابق أو خطط بعيدة)."),
      this.lane("lane-undated", "بلا تاريخ", this.data.undated, "لا تعطي المصادر تاريخًا لهذه الأحداث؛ لا يُخمَّن التاريخ."),
    ];
  }
}
