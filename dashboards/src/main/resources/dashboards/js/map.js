// 一张图 Map: the area's counties shaded by any figure the user picks, with the filter bar every page has (state in
// the URL); a county (or its row in the ranking) opens that district's page with the same filters. Values are the
// API's (/api/v1/figures?by=district); the page only shades, orders and formats them.
import { api } from './api.js';
import { loadArea, mapOption, districtName } from './areamap.js';
import { ChartBox } from './chartbox.js';
import { FilterBar } from './filters.js';
import { fillTable, formatValue, nameOf } from './format.js';
import { describeError, pageLink, startPage, tr, whenSettled } from './page.js';

const DEFAULT_FIGURE = 'risk_index';
const url = new URL(location.href);
const state = { figure: url.searchParams.get('figure') ?? DEFAULT_FIGURE };

const context = await startPage({
  title: { zh: '校安 · 一张图', en: 'xiaoan · Map' },
  active: 'map.html',
  onLanguage: () => { filters.setLanguage(context.language); draw(); },
});
let catalog = null;
try {
  catalog = await api.catalog();
} catch {
  catalog = null; // the map reports the failure of its own requests
}
if (!catalog?.figures?.some((f) => f.code === state.figure)) {
  state.figure = DEFAULT_FIGURE;
}
const filters = new FilterBar(document.getElementById('filters'), catalog, {
  dimensions: ['school_type', 'boarding', 'severity', 'inspection_type', 'category'],
  language: context.language,
  onChange: () => load(),
});
const chart = new ChartBox(document.getElementById('map-frame'));
const answers = { geojson: null, table: null, error: null };

function t(text) {
  return tr(text, context.language);
}

function figure() {
  return catalog?.figures?.find((f) => f.code === state.figure)
    ?? { code: state.figure, nameZh: state.figure, nameEn: state.figure, unit: 'count' };
}

function districtPage(code) {
  return pageLink('index.html', { ...filters.pageParams(), district: code }, context.language);
}

chart.on('click', (event) => {
  // the series is keyed by district code (nameProperty: 'code')
  if (event.seriesType === 'map' && /^\d{6}$/.test(event.name)) {
    location.assign(districtPage(event.name));
  }
});

document.getElementById('figure').addEventListener('change', (event) => {
  state.figure = event.target.value;
  const next = new URL(location.href);
  next.searchParams.set('figure', state.figure);
  history.replaceState(null, '', next);
  draw(); // the table holds every figure: no new request
});

function drawChrome() {
  document.getElementById('figure-label').textContent = t({ zh: '指标', en: 'Figure' });
  document.getElementById('figure').replaceChildren(...(catalog?.figures ?? []).map((f) => {
    const option = document.createElement('option');
    option.value = f.code;
    option.textContent = nameOf(f, context.language);
    option.selected = f.code === state.figure;
    return option;
  }));
  document.getElementById('map-caption').textContent =
    t({ zh: `各县区${figure().nameZh}`, en: `${figure().nameEn} by district` });
  document.getElementById('ranking-caption').textContent = t({ zh: '县区排序', en: 'Districts ranked' });
  document.getElementById('map-note').textContent = t({
    zh: '颜色越深数值越高；灰色表示无法计算。点击县区打开该县区页。',
    en: 'Darker is higher; grey cannot be computed. Click a county to open its district page.',
  });
}

function draw() {
  drawChrome();
  const status = document.getElementById('ranking-status');
  const table = document.getElementById('ranking');
  if (answers.error) {
    const message = describeError(answers.error, context.language);
    chart.error(message);
    table.replaceChildren();
    status.textContent = message;
    return;
  }
  if (!answers.geojson || !answers.table) {
    chart.loading(t({ zh: '正在加载…', en: 'Loading…' }));
    return;
  }
  const { geojson, table: figures } = answers;
  const shown = figure();
  document.getElementById('meta').textContent = t({
    zh: `模型版本 v${figures.modelVersion.version} · 截至 ${figures.asOf} · 统计期 ${figures.period.from} 至 ${figures.period.to}`,
    en: `Model v${figures.modelVersion.version} · as of ${figures.asOf} · period ${figures.period.from} to ${figures.period.to}`,
  });
  const caption = document.getElementById('map-caption').textContent;
  chart.element.dataset.figure = shown.code;
  chart.element.dataset.modelVersion = String(figures.modelVersion.version);
  chart.show(mapOption({ geojson, table: figures, figure: shown, language: context.language }), caption);
  const rows = [...figures.rows].sort((a, b) => order(b[shown.code]) - order(a[shown.code]));
  status.textContent = rows.length === 0 ? t({ zh: '所选条件下没有县区数据。', en: 'No district has data for this selection.' }) : '';
  fillTable(table, [
    { key: 'district', label: t({ zh: '县区', en: 'District' }), format: (row) => {
      const link = document.createElement('a');
      link.href = districtPage(row.district);
      link.textContent = districtName(geojson, row.district, context.language);
      return link;
    } },
    { key: shown.code, label: nameOf(shown, context.language), numeric: true,
      format: (row) => formatValue(row[shown.code], shown.unit, context.language) },
  ], rows, { rowKey: (row) => row.district });
}

/** Orders values for the ranking, those that cannot be computed last. */
function order(value) {
  return value === null || value === undefined ? -Infinity : value;
}

function load() {
  delete document.body.dataset.ready;
  answers.table = null;
  answers.error = null;
  draw();
  whenSettled([
    Promise.all([loadArea(), api.figures({ ...filters.params(), by: 'district' })])
      .then(([geojson, table]) => { answers.geojson = geojson; answers.table = table; },
        (error) => { answers.error = error; }),
  ], draw);
}

load();
