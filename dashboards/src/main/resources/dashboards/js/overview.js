// 总览 Overview: KPI cards against the same span a year earlier, the risk heatmap (a click opens the hazards behind a
// cell), monthly trends, rectification rate by district and by school type, the riskiest schools. Every chart obeys
// the filter bar, whose state lives in the URL. Numbers are drawn as the API computed them.
import { api } from './api.js';
import { ChartBox, FONT, BLUES } from './chartbox.js';
import { FilterBar } from './filters.js';
import { fillTable, formatChange, formatValue, nameOf } from './format.js';
import { buildOption, cellsWithData } from './heatmap.js';
import { loadNames } from './names.js';
import { describeError, pageLink, startPage, tr, whenSettled } from './page.js';

// The cards and charts ask for their figures alone (the server computes nothing else); OverviewFigures (Java) holds
// the same two lists, for the questions OverviewWarmup computes ahead and bench ui asks.
const KPIS = ['found', 'rectification_rate', 'on_time_rate', 'open', 'overdue', 'major_open', 'legacy_major_open',
  'closure_rate', 'rectified_not_closed'];
const RATE_FIGURES = ['rectification_rate', 'found'];
const METRICS = ['risk_index', 'open', 'overdue', 'major_open', 'found', 'rectification_rate'];
// The hazards a heatmap cell stands for, by the figure shown.
const STATE_OF = { risk_index: 'open', open: 'open', overdue: 'overdue', major_open: 'major_open', found: 'found',
  rectification_rate: 'found' };

const url = new URL(location.href);
const state = { metric: METRICS.includes(url.searchParams.get('metric')) ? url.searchParams.get('metric') : 'risk_index' };
const district = url.searchParams.get('district');

const context = await startPage({
  title: district ? { zh: '校安 · 县区页', en: 'xiaoan · District' } : { zh: '校安 · 总览', en: 'xiaoan · Overview' },
  active: 'index.html',
  onLanguage: () => { filters.setLanguage(context.language); drawAll(); },
  share: true,
});
let catalog = null;
try {
  catalog = await api.catalog();
} catch {
  catalog = null; // each chart reports the failure of its own request
}
const names = await loadNames(catalog);
const cityUser = context.me?.scope === 'city';
const filters = new FilterBar(document.getElementById('filters'), catalog, {
  dimensions: [...(cityUser ? ['district'] : []), 'school_type', 'boarding', 'severity', 'inspection_type'],
  language: context.language,
  onChange: () => drawAll(),
});

const charts = {
  heatmap: new ChartBox(document.getElementById('heatmap-frame')),
  trend: new ChartBox(document.getElementById('trend')),
  byDistrict: new ChartBox(document.getElementById('by-district')),
  byType: new ChartBox(document.getElementById('by-school-type')),
};
const answers = {};

charts.heatmap.on('click', (event) => {
  const heatmap = answers.heatmap;
  if (!heatmap) {
    return;
  }
  const [x, y] = event.value;
  const { row, column } = heatmapCell(heatmap, x, y);
  const params = { ...filters.pageParams(), state: STATE_OF[state.metric] ?? 'open' };
  params.district = row.code;
  params.category = column.code;
  location.assign(pageLink('hazards.html', params, context.language));
});
charts.byDistrict.on('click', (event) => {
  const table = answers.byDistrict;
  const row = table?.rows?.[event.dataIndex];
  if (row && cityUser) {
    location.assign(pageLink('index.html', { ...filters.pageParams(), district: row.district }, context.language));
  }
});

/** The row and column members behind a drawn cell (heatmap.js may put rows on either axis). */
function heatmapCell(heatmap, x, y) {
  const rows = heatmap.rows.members;
  const columns = heatmap.columns.members;
  const longest = (members) => Math.max(0, ...members.map((m) => nameOf(m, context.language).length));
  const rowsOnY = longest(rows) >= longest(columns);
  return rowsOnY ? { row: rows[y], column: columns[x] } : { row: rows[x], column: columns[y] };
}

function t(text) {
  return tr(text, context.language);
}

function drawChrome() {
  document.getElementById('metric-label').textContent = t({ zh: '指标', en: 'Figure' });
  const metric = document.getElementById('metric');
  metric.replaceChildren(...METRICS.map((code) => {
    const figure = catalog?.figures?.find((f) => f.code === code);
    const option = document.createElement('option');
    option.value = code;
    option.textContent = figure ? nameOf(figure, context.language) : code;
    option.selected = code === state.metric;
    return option;
  }));
  document.getElementById('trend-caption').textContent = t({ zh: '月度趋势：新发现、月末未整改与超期', en: 'By month: found, open and overdue at month end' });
  document.getElementById('district-caption').textContent = t({ zh: '各县区整改率', en: 'Rectification rate by district' });
  document.getElementById('type-caption').textContent = t({ zh: '各类学校整改率', en: 'Rectification rate by school type' });
  document.getElementById('top-caption').textContent = t({ zh: '风险最高的 10 所学校', en: 'Top 10 riskiest schools' });
}

document.getElementById('metric').addEventListener('change', (event) => {
  state.metric = event.target.value;
  const next = new URL(location.href);
  next.searchParams.set('metric', state.metric);
  history.replaceState(null, '', next);
  drawHeatmap();
});

async function load(key, request) {
  try {
    answers[key] = await request;
    answers[`${key}Error`] = null;
  } catch (error) {
    answers[key] = null;
    answers[`${key}Error`] = error;
  }
}

function drawAll() {
  delete document.body.dataset.ready;
  drawChrome();
  const params = filters.params();
  const loading = t({ zh: '正在加载…', en: 'Loading…' });
  Object.values(charts).forEach((chart) => chart.loading(loading));
  document.getElementById('kpis').setAttribute('aria-busy', 'true');
  whenSettled([
    load('compare', api.compare({ ...params, figures: KPIS.join(',') })).then(drawKpis),
    drawHeatmap(),
    load('trend', api.trends({ ...params, grain: 'month', figure: ['found', 'open', 'overdue'] })).then(drawTrend),
    load('byDistrict', api.figures({ ...params, by: 'district', figures: RATE_FIGURES.join(',') })).then(() => drawRate('byDistrict', 'district')),
    load('byType', api.figures({ ...params, by: 'school_type', figures: RATE_FIGURES.join(',') })).then(() => drawRate('byType', 'school_type')),
    load('top', api.riskiestSchools({ asOf: params.asOf, filter: params.filter, limit: 10 })).then(drawTop),
  ]);
}

function drawKpis() {
  const section = document.getElementById('kpis');
  section.removeAttribute('aria-busy');
  const comparison = answers.compare;
  if (!comparison) {
    section.replaceChildren(Object.assign(document.createElement('p'), {
      className: 'status-line error', textContent: describeError(answers.compareError, context.language) }));
    return;
  }
  filters.showDefaults({ from: comparison.period.from, to: comparison.period.to, asOf: comparison.asOf });
  document.getElementById('meta').textContent = t({
    zh: `模型版本 v${comparison.modelVersion.version} · 截至 ${comparison.asOf} · 统计期 ${comparison.period.from} 至 ${comparison.period.to} · 对比 ${comparison.previousPeriod.from} 至 ${comparison.previousPeriod.to}`,
    en: `Model v${comparison.modelVersion.version} · as of ${comparison.asOf} · period ${comparison.period.from} to ${comparison.period.to} · against ${comparison.previousPeriod.from} to ${comparison.previousPeriod.to}`,
  });
  section.replaceChildren(...KPIS.map((code) => {
    const figure = comparison.figures.find((f) => f.code === code);
    const card = document.createElement('article');
    card.className = 'kpi';
    card.dataset.figure = code;
    const name = document.createElement('h3');
    name.textContent = nameOf(figure, context.language);
    const value = document.createElement('p');
    value.className = 'value';
    value.textContent = formatValue(figure.current, figure.unit, context.language);
    value.dataset.value = figure.current ?? '';
    const change = document.createElement('p');
    change.className = 'change';
    change.dataset.change = figure.change ?? '';
    change.textContent = `${t({ zh: '同比', en: 'vs last year' })} ${formatChange(figure.change, figure.unit, context.language)}`;
    card.append(name, value, change);
    return card;
  }));
}

async function drawHeatmap() {
  const params = filters.params();
  charts.heatmap.loading(t({ zh: '正在加载…', en: 'Loading…' }));
  await load('heatmap', api.heatmap({ ...params, metric: state.metric, rows: 'district', columns: 'category' }));
  const heatmap = answers.heatmap;
  const caption = document.getElementById('chart-caption');
  const element = charts.heatmap.element;
  if (!heatmap) {
    caption.textContent = '';
    element.dataset.cellCount = '0';
    charts.heatmap.error(describeError(answers.heatmapError, context.language));
    return;
  }
  const metricName = nameOf(heatmap.metric, context.language);
  caption.textContent = context.language === 'en'
    ? `${metricName} (${heatmap.rows.dimension.nameEn} × ${heatmap.columns.dimension.nameEn})`
    : `${metricName}（${heatmap.rows.dimension.nameZh} × ${heatmap.columns.dimension.nameZh}）`;
  document.getElementById('note').textContent = heatmap.metric.code === 'risk_index'
    ? t({ zh: '风险指数 = 100 × Σ 截至日期未整改隐患权重（一般 1，重大 5；超期 ×2）÷ 学校数。颜色越深风险越高。点击单元格查看隐患。',
      en: 'Risk index = 100 × Σ weights of hazards open at the as-of date (general 1, major 5; ×2 when overdue) ÷ schools. Darker is riskier. Click a cell for its hazards.' })
    : t({ zh: '颜色越深数值越高；空白格表示无法计算。点击单元格查看隐患。', en: 'Darker is higher; blank cells cannot be computed. Click a cell for its hazards.' });
  element.dataset.cellCount = String(cellsWithData(heatmap));
  if (cellsWithData(heatmap) === 0) {
    charts.heatmap.empty(t({ zh: '暂无数据：所选条件下没有可计算的数值。', en: 'No data: nothing can be computed for this selection.' }));
    return;
  }
  charts.heatmap.show(buildOption(heatmap, context.language), caption.textContent);
}

function drawTrend() {
  const trend = answers.trend;
  if (!trend) {
    charts.trend.error(describeError(answers.trendError, context.language));
    return;
  }
  if (trend.points.length === 0) {
    charts.trend.empty(t({ zh: '所选期间没有数据。', en: 'No data in this period.' }));
    return;
  }
  const series = trend.figures.map((figure, i) => ({
    name: nameOf(figure, context.language),
    type: 'line',
    data: trend.points.map((point) => point.rows[0]?.[figure.code] ?? null),
    lineStyle: { width: 2, type: ['solid', 'dashed', 'dotted'][i % 3] },
    symbol: ['circle', 'rect', 'triangle'][i % 3],
    itemStyle: { color: BLUES[i % BLUES.length] },
  }));
  charts.trend.show({
    animation: false,
    textStyle: { fontFamily: FONT },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 16, bottom: 32, containLabel: true },
    xAxis: { type: 'category', data: trend.points.map((point) => point.code) },
    yAxis: { type: 'value', minInterval: 1 },
    series,
  }, document.getElementById('trend-caption').textContent);
}

function drawRate(key, dimension) {
  const chart = key === 'byDistrict' ? charts.byDistrict : charts.byType;
  const table = answers[key];
  if (!table) {
    chart.error(describeError(answers[`${key}Error`], context.language));
    return;
  }
  const name = (code) => names.name(dimension, code, context.language);
  const rows = table.rows;
  if (rows.every((row) => row.rectification_rate === null)) {
    chart.empty(t({ zh: '所选期间没有发现隐患，整改率无法计算。', en: 'No hazards found in this period: no rate to show.' }));
    return;
  }
  chart.show({
    animation: false,
    textStyle: { fontFamily: FONT },
    tooltip: {
      trigger: 'axis',
      formatter: (items) => items.map((item) => `${item.name}：${formatValue(rows[item.dataIndex].rectification_rate, 'rate', context.language)}`
        + `（${t({ zh: '发现', en: 'found' })} ${rows[item.dataIndex].found}）`).join('<br>'),
    },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((row) => name(row[dimension])), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v) => `${Math.round(v * 100)}%` } },
    series: [{
      type: 'bar',
      data: rows.map((row) => row.rectification_rate),
      itemStyle: { color: BLUES[1] },
      label: { show: true, position: 'top', formatter: (p) => formatValue(p.value, 'rate', context.language) },
      cursor: key === 'byDistrict' && cityUser ? 'pointer' : 'default',
    }],
  }, document.getElementById(key === 'byDistrict' ? 'district-caption' : 'type-caption').textContent);
}

function drawTop() {
  const table = document.getElementById('top-schools');
  const status = document.getElementById('top-status');
  const schools = answers.top;
  if (!schools) {
    table.replaceChildren();
    status.textContent = describeError(answers.topError, context.language);
    return;
  }
  status.textContent = schools.length === 0 ? t({ zh: '截至日期没有未整改的隐患。', en: 'No open hazards at the as-of date.' }) : '';
  fillTable(table, [
    { label: '#', format: (row) => String(schools.indexOf(row) + 1) },
    { key: 'schoolName', label: t({ zh: '学校', en: 'School' }), format: (row) => {
      const link = document.createElement('a');
      link.href = pageLink('school.html', { code: row.schoolCode }, context.language);
      link.textContent = row.schoolName;
      return link;
    } },
    { key: 'districtName', label: t({ zh: '县区', en: 'District' }) },
    { key: 'open', label: t({ zh: '未整改', en: 'Open' }), numeric: true },
    { key: 'overdue', label: t({ zh: '超期', en: 'Overdue' }), numeric: true },
    { key: 'majorOpen', label: t({ zh: '重大', en: 'Major' }), numeric: true },
    { key: 'riskPoints', label: t({ zh: '风险分值', en: 'Risk points' }), numeric: true },
  ], schools, { rowKey: (row) => row.schoolCode });
}

drawAll();
