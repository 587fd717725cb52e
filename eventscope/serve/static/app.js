// The eventscope dashboard: plain JavaScript over the REST API, no build step.
// Every view asks the server for what it shows (a page of rows, map markers or
// grid cells, counts per period), so the page never loads the whole store.
"use strict";

const TYPES = {
  ASSAULT: "#c0392b", FIGHT: "#8e44ad", COERCE: "#2c3e50", PROTEST: "#27ae60",
  MOBILIZE: "#16a085", THREATEN: "#d35400", ACCUSE: "#7f8c8d", REQUEST: "#2980b9",
  REJECT: "#95a5a6", CONSULT: "#1abc9c", AGREE: "#3498db", SUPPORT: "#2ecc71",
  CONCEDE: "#f1c40f", COOPERATE: "#9b59b6", AID: "#e67e22", RETREAT: "#bdc3c7",
};
const $ = (selector) => document.querySelector(selector);
const state = { sort: "-date", cursor: null, brush: null, selected: null };

function esc(text) {
  return String(text ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

async function getJSON(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.detail || response.statusText);
  return body;
}

// Filters: the form, the brushed time range and the map view make one query string.
function filterParams() {
  const params = new URLSearchParams();
  const form = new FormData($("#filters"));
  for (const [name, value] of form.entries()) {
    if (name !== "inview" && value) params.set(name, value);
  }
  if (state.brush) { params.set("since", state.brush[0]); params.set("until", state.brush[1]); }
  if (form.get("inview") && map) params.set("bbox", viewBox());
  return params;
}

function viewBox() {
  const b = map.getBounds();
  const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
  return [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90),
          clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)].map((v) => v.toFixed(4)).join(",");
}

// Colours are set through the CSSOM, not style attributes, so the page works under a
// Content-Security-Policy that allows no inline styles.
function paint(root) {
  for (const el of root.querySelectorAll("[data-type]")) el.style.setProperty("--c", TYPES[el.dataset.type] || "#444");
}

function showError(error) { $("#summary").textContent = `Error: ${error.message}`; }

// Map
let map = null;
const markers = L.layerGroup();

function setUpMap() {
  map = L.map("map", { worldCopyJump: true, minZoom: 1, zoomSnap: 0.5 }).setView([25, 20], 2);
  fetch("/outlines.geojson").then((r) => r.json()).then((outlines) => {
    L.geoJSON(outlines, {
      style: { color: "#8a96a8", weight: 0.7, fillColor: "#f3f1ea", fillOpacity: 1 },
      interactive: false,
    }).addTo(map).bringToBack();
  });
  markers.addTo(map);
  map.on("moveend", () => { loadMap(); if (new FormData($("#filters")).get("inview")) loadRows(true); });
  const legend = $("#legend");
  legend.innerHTML = Object.keys(TYPES).map((t) => `<span data-type="${t}">${t}</span>`).join("")
    + '<span class="hollow">hollow: region or country only (precision 3)</span>';
  paint(legend);
}

function radius(killed) { return 5 + Math.min(18, Math.sqrt(killed || 0) * 2.5); }

async function loadMap() {
  const params = filterParams();
  params.set("bbox", viewBox());
  let body;
  try { body = await getJSON(`/map?${params}`); } catch (error) { showError(error); return; }
  markers.clearLayers();
  for (const p of body.points) {
    const color = TYPES[p.type] || "#444";
    const hollow = p.precision === 3;
    const marker = L.circleMarker([p.lat, p.lon], {
      radius: radius(p.killed), color, weight: hollow ? 2.5 : 1,
      dashArray: p.precision === 2 ? "3 2" : null,
      fillColor: color, fillOpacity: hollow ? 0 : 0.7, className: "es-marker",
    });
    marker.bindTooltip(`${esc(p.name || "?")} · ${esc(p.type)} · ${esc(p.date || "date unknown")}`
      + (p.killed ? ` · ${p.killed} killed` : ""));
    marker.on("click", () => openEvent(p.event_id));
    marker.on("add", () => {
      const el = marker.getElement();
      el.dataset.eventId = p.event_id; el.dataset.place = p.name || ""; el.dataset.type = p.type;
      el.dataset.precision = p.precision ?? "";
    });
    markers.addLayer(marker);
  }
  for (const c of body.cells) {
    const circle = L.circleMarker([c.lat, c.lon], {
      radius: 8 + Math.min(30, Math.sqrt(c.count) * 2), color: "#1d2330", weight: 1,
      fillColor: "#34495e", fillOpacity: 0.75, className: "es-cell",
    });
    circle.bindTooltip(`${c.count} events, ${c.killed} killed — zoom in for each event`);
    circle.on("click", () => map.fitBounds([[c.south, c.west], [c.north, c.east]]));
    markers.addLayer(circle);
    markers.addLayer(L.marker([c.lat, c.lon], {
      icon: L.divIcon({ className: "cluster-label", html: String(c.count), iconSize: [40, 16] }),
      interactive: false, keyboard: false,
    }));
  }
}

// Timeline: stacked bars per period; drag across it to choose a time range.
let timeline = [];
let granularity = "day";

async function loadTimeline() {
  const params = filterParams();
  if (state.brush) { params.delete("since"); params.delete("until"); }
  let stats;
  try { stats = await getJSON(`/stats?${params}`); } catch (error) { showError(error); return; }
  timeline = stats.timeline;
  granularity = stats.granularity;
  $("#granularity").textContent = timeline.length ? `(per ${stats.granularity})` : "(no dated events)";
  drawTimeline();
  const undated = stats.undated ? `, ${stats.undated} undated` : "";
  $("#summary").textContent = `${stats.total} events${undated}, ${stats.killed} killed (lowest reported counts), `
    + `${Object.keys(stats.by_country).length} countries`;
}

function drawTimeline() {
  const svg = $("#timeline");
  const width = svg.clientWidth || 600, height = svg.clientHeight || 130, pad = 18;
  const max = Math.max(1, ...timeline.map((b) => b.total));
  const step = timeline.length ? (width - 2) / timeline.length : width;
  let html = "";
  timeline.forEach((bucket, i) => {
    let y = height - pad;
    for (const [type, n] of Object.entries(bucket.counts)) {
      const h = (n / max) * (height - pad - 6);
      y -= h;
      html += `<rect x="${1 + i * step}" y="${y}" width="${Math.max(1, step - 1)}" height="${h}" fill="${TYPES[type] || "#444"}"><title>${bucket.start}: ${n} ${type}</title></rect>`;
    }
  });
  if (timeline.length) {
    html += `<text x="2" y="${height - 4}" font-size="11">${timeline[0].start}</text>`;
    html += `<text x="${width - 2}" y="${height - 4}" font-size="11" text-anchor="end">${timeline[timeline.length - 1].start}</text>`;
  }
  if (state.brush) {
    const [a, b] = state.brush.map((d) => indexOf(d));
    if (a >= 0 && b >= 0) html += `<rect class="brush" x="${1 + a * step}" y="0" width="${(b - a + 1) * step}" height="${height - pad}"/>`;
  }
  svg.innerHTML = html;
}

function indexOf(day) {
  let found = -1;
  timeline.forEach((b, i) => { if (b.start <= day) found = i; });
  return found;
}

function periodEnd(i) {
  // The last day of period i: the day before the next period starts.
  const start = new Date(timeline[i].start + "T00:00:00Z");
  const next = new Date(start);
  if (granularity === "week") next.setUTCDate(next.getUTCDate() + 7);
  else if (granularity === "month") next.setUTCMonth(next.getUTCMonth() + 1);
  else next.setUTCDate(next.getUTCDate() + 1);
  next.setUTCDate(next.getUTCDate() - 1);
  return next.toISOString().slice(0, 10);
}

function setUpTimeline() {
  const svg = $("#timeline");
  let start = null;
  const at = (event) => {
    const rect = svg.getBoundingClientRect();
    const i = Math.floor(((event.clientX - rect.left) / rect.width) * timeline.length);
    return Math.max(0, Math.min(timeline.length - 1, i));
  };
  svg.addEventListener("mousedown", (event) => { if (timeline.length) start = at(event); });
  window.addEventListener("mouseup", (event) => {
    if (start === null) return;
    const end = at(event);
    const [a, b] = [Math.min(start, end), Math.max(start, end)];
    start = null;
    state.brush = [timeline[a].start, periodEnd(b)];
    $("#clear-brush").hidden = false;
    refresh(false);
  });
  $("#clear-brush").addEventListener("click", () => {
    state.brush = null; $("#clear-brush").hidden = true; refresh(true);
  });
}

// Table
async function loadRows(reset) {
  if (reset) { state.cursor = null; $("#events tbody").innerHTML = ""; }
  const params = filterParams();
  params.set("sort", state.sort);
  params.set("limit", "100");
  if (state.cursor) params.set("cursor", state.cursor);
  let page;
  try { page = await getJSON(`/events?${params}`); } catch (error) { showError(error); return; }
  const rows = page.events.map((e) => {
    const killed = e.killed_min === null ? "" : (e.killed_min === e.killed_max ? e.killed_min : `${e.killed_min}–${e.killed_max ?? "?"}`);
    const place = [e.location_name, e.location_country].filter(Boolean).join(", ");
    return `<tr tabindex="0" data-id="${esc(e.event_id)}" aria-selected="${e.event_id === state.selected}">
      <td>${esc(e.date_start || "unknown")}</td>
      <td><span class="type-chip" data-type="${esc(e.type)}">${esc(e.type)}</span> ${esc(e.mode || "")}</td>
      <td>${esc(e.actor1_name || "?")} → ${esc(e.actor2_name || "?")}</td>
      <td>${esc(place)}</td><td>${esc(killed)}</td><td>${e.corroboration}</td>
      <td>${e.confidence.toFixed(2)}</td></tr>`;
  });
  $("#events tbody").insertAdjacentHTML("beforeend", rows.join(""));
  paint($("#events tbody"));
  state.cursor = page.next_cursor;
  $("#more").hidden = !page.next_cursor;
  $("#more").textContent = `Load more (${$("#events tbody").rows.length} of ${page.total})`;
  for (const [format, media] of [["csv", "csv"], ["geojson", "geojson"]]) {
    const exportParams = filterParams();
    exportParams.set("format", media);
    exportParams.set("sort", state.sort);
    $(`#export-${format}`).href = `/events?${exportParams}`;
  }
}

function setUpTable() {
  const body = $("#events tbody");
  body.addEventListener("click", (event) => {
    const row = event.target.closest("tr");
    if (row) openEvent(row.dataset.id);
  });
  body.addEventListener("keydown", (event) => {
    const row = event.target.closest("tr");
    if (!row) return;
    if (event.key === "Enter" || event.key === " ") { event.preventDefault(); openEvent(row.dataset.id); }
    if (event.key === "ArrowDown" && row.nextElementSibling) { event.preventDefault(); row.nextElementSibling.focus(); }
    if (event.key === "ArrowUp" && row.previousElementSibling) { event.preventDefault(); row.previousElementSibling.focus(); }
  });
  for (const button of document.querySelectorAll("th button[data-sort]")) {
    button.addEventListener("click", () => {
      const key = button.dataset.sort;
      state.sort = state.sort === `-${key}` ? key : `-${key}`;
      for (const other of document.querySelectorAll("th button[data-sort]")) other.removeAttribute("aria-sort");
      button.setAttribute("aria-sort", state.sort.startsWith("-") ? "descending" : "ascending");
      loadRows(true);
    });
  }
  $("#more").addEventListener("click", () => loadRows(false));
}

// Event panel: every field, the values each source gives side by side, and the
// article text with this event's evidence highlighted.
async function openEvent(eventId) {
  state.selected = eventId;
  for (const row of document.querySelectorAll("#events tbody tr")) row.setAttribute("aria-selected", row.dataset.id === eventId);
  let detail;
  try { detail = await getJSON(`/events/${encodeURIComponent(eventId)}`); } catch (error) { showError(error); return; }
  const { row, record, evidence, sources } = detail;
  const articles = await Promise.all(sources.map((s) => getJSON(`/articles/${encodeURIComponent(s.article_id)}`).catch(() => null)));
  const fields = [
    ["Type", `${esc(row.type)}${row.mode ? " / " + esc(row.mode) : ""}`],
    ["ACLED", `${esc(row.acled_event_type || "–")} / ${esc(row.acled_sub_event_type || "–")}`],
    ["CAMEO root", esc(row.cameo_root || "–")],
    ["Date", describeDate(record.date)],
    ["Place", describePlace(record.location)],
    ["Actor 1", describeActor(record.actor1)],
    ["Actor 2", describeActor(record.actor2)],
  ];
  if (record.claimed_by) fields.push(["Claimed by", describeActor(record.claimed_by)]);
  if (record.blamed_on) fields.push(["Blamed on", describeActor(record.blamed_on)]);
  for (const kind of ["killed", "injured", "arrested", "displaced", "abducted"]) {
    // records stored before displaced/abducted existed lack those keys
    if ((record[kind] || []).length) fields.push([kind[0].toUpperCase() + kind.slice(1), describeCounts(record[kind])]);
  }
  if (record.is_aggregate) fields.push(["Aggregate", "a summary statistic, not a single event"]);
  if (record.attribution) fields.push(["Certainty", `${esc(record.attribution.certainty)}${record.attribution.speaker ? ", per " + esc(record.attribution.speaker) : ""}`]);
  fields.push(["Confidence", row.confidence.toFixed(2)]);
  fields.push(["Sources", sources.map((s) => `${esc(s.outlet || "unknown outlet")} (${esc(s.published || "no date")})${s.url ? ` <a href="${esc(s.url)}" rel="noreferrer">link</a>` : ""}`).join("<br>")]);
  const texts = articles.map((article) => article ? `<h3>${esc(article.title || article.article_id)}</h3>
      <div class="article" data-article="${esc(article.article_id)}">${highlight(article, evidence)}</div>` : "").join("");
  $("#panel-body").innerHTML = `<h2>${esc(row.type)} ${row.location_name ? "in " + esc(row.location_name) : ""} <small>${esc(row.date_start || "")}</small></h2>
    <p><code>${esc(row.event_id)}</code></p>
    <dl>${fields.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join("")}</dl>
    <h3>Evidence</h3>${texts}`;
  const panel = $("#panel");
  panel.hidden = false;
  panel.focus();
  const first = panel.querySelector("mark.trigger");
  if (first) first.scrollIntoView({ block: "center" });
}

function describeDate(date) {
  if (!date) return "unknown";
  if (!date.start) return `unknown${date.reason ? " (" + esc(date.reason) + ")" : ""}`;
  const span = date.end && date.end !== date.start ? `${date.start} to ${date.end}` : date.start;
  return `${esc(span)} <small>(${esc(date.precision)}, ${esc(date.derivation)}${date.mention ? ': "' + esc(date.mention) + '"' : ""})</small>`;
}

function describePlace(place) {
  if (!place) return "unknown";
  if (place.lat === null) return `unknown${place.reason ? " (" + esc(place.reason) + ")" : ""}`;
  return `${esc(place.name)}${place.admin1 ? ", " + esc(place.admin1) : ""}, ${esc(place.country || "")} `
    + `<small>(${place.lat.toFixed(3)}, ${place.lon.toFixed(3)}; precision ${place.precision}${place.reason ? "; " + esc(place.reason) : ""})</small>`;
}

function describeActor(actor) {
  if (!actor) return "–";
  const detail = [actor.kind, actor.country].filter(Boolean).join(", ");
  return `${esc(actor.name)}${detail ? ` <small>(${esc(detail)})</small>` : ""}`;
}

function describeCounts(values) {
  // Conflicting reports side by side, each with who gave it.
  return `<div class="values">${values.map((q) => {
    const range = q.min === q.max ? q.min : `${q.min ?? "?"}–${q.max ?? "?"}`;
    const who = q.attribution && q.attribution.speaker ? `per ${esc(q.attribution.speaker)}` : "as stated";
    const sure = q.attribution && q.attribution.certainty !== "asserted" ? `, ${esc(q.attribution.certainty)}` : "";
    return `<span class="value">${esc(range)} <small>"${esc(q.mention)}", ${who}${sure}</small></span>`;
  }).join("")}</div>`;
}

function highlight(article, evidence) {
  // This event's reporting sentence in this article, with the spans of its fields marked
  // inside it (and anywhere else in the text); overlapping spans keep the outermost.
  const mine = evidence.filter((e) => e.article_id === article.article_id && e.end > e.start);
  const byStart = (a, b) => a.start - b.start || b.end - a.end;
  const sentences = mine.filter((e) => e.field === "evidence").sort(byStart);
  const inner = mine.filter((e) => e.field !== "evidence").sort(byStart);
  const text = article.text;
  function marks(from, to) {
    let html = "", at = from;
    for (const span of inner) {
      if (span.start < at || span.end > to) continue;
      html += esc(text.slice(at, span.start));
      const cls = span.field === "trigger" ? "trigger" : "";
      html += `<mark class="${cls}" data-field="${esc(span.field)}" title="${esc(span.field)}">${esc(text.slice(span.start, span.end))}</mark>`;
      at = span.end;
    }
    return html + esc(text.slice(at, to));
  }
  let html = "", at = 0;
  for (const sentence of sentences) {
    if (sentence.start < at) continue;
    html += marks(at, sentence.start);
    html += `<span class="sentence">${marks(sentence.start, sentence.end)}</span>`;
    at = sentence.end;
  }
  return html + marks(at, text.length);
}

function closePanel() {
  $("#panel").hidden = true;
  const row = document.querySelector(`#events tbody tr[data-id="${CSS.escape(state.selected || "")}"]`);
  if (row) row.focus();
}

// Wiring
function refresh(withTimeline) {
  loadRows(true);
  loadMap();
  if (withTimeline) loadTimeline(); else drawTimeline();
}

function start() {
  const select = $('#filters select[name="type"]');
  for (const type of Object.keys(TYPES)) select.insertAdjacentHTML("beforeend", `<option>${type}</option>`);
  setUpMap();
  setUpTimeline();
  setUpTable();
  $("#filters").addEventListener("submit", (event) => { event.preventDefault(); refresh(true); });
  $("#filters").addEventListener("reset", () => { state.brush = null; $("#clear-brush").hidden = true; setTimeout(() => refresh(true), 0); });
  $("#filters").addEventListener("change", (event) => { if (event.target.tagName === "SELECT" || event.target.type === "checkbox") refresh(true); });
  $("#close-panel").addEventListener("click", closePanel);
  document.addEventListener("keydown", (event) => { if (event.key === "Escape" && !$("#panel").hidden) closePanel(); });
  window.addEventListener("resize", drawTimeline);
  document.querySelector('th button[data-sort="date"]').setAttribute("aria-sort", "descending");
  refresh(true);
}

start();
