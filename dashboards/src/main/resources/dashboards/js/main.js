// The risk heatmap page: fetch the figure, draw it, and always show a state (loading, empty, error or the chart).
import { ApiError, fetchCatalog, fetchHeatmap, fetchMe, logout } from './api.js';
import { buildOption, cellsWithData } from './heatmap.js';
import { nameOf, strings } from './i18n.js';

const url = new URL(window.location.href);
const state = {
  language: url.searchParams.get('lang') === 'en' ? 'en' : 'zh',
  metric: url.searchParams.get('metric') || 'risk_index',
  asOf: url.searchParams.get('asOf') || '',
  rows: url.searchParams.get('rows') || 'district',
  columns: url.searchParams.get('columns') || 'category',
  catalog: null,
  heatmap: null,
  failure: null,
  request: 0,
};

const elements = {
  chart: document.getElementById('heatmap'),
  status: document.getElementById('status'),
  statusText: document.getElementById('status-text'),
  meta: document.getElementById('meta'),
  caption: document.getElementById('chart-caption'),
  note: document.getElementById('note'),
  metric: document.getElementById('metric'),
  asOf: document.getElementById('as-of'),
  language: document.getElementById('language'),
};

const chart = window.echarts.init(elements.chart, null, { renderer: 'canvas' });
// Tests wait for this attribute instead of sleeping: it is set once the chart has drawn the current data.
chart.on('finished', () => {
  if (elements.chart.dataset.chartState === 'rendering') {
    elements.chart.dataset.chartState = 'finished';
    elements.chart.dataset.cellCount = String(state.heatmap ? cellsWithData(state.heatmap) : 0);
  }
});
// The frame's size changes with the window and with the text around it (meta, note): keep the canvas in step.
new ResizeObserver(() => chart.resize()).observe(elements.chart);

function showStatus(kind, text) {
  elements.status.hidden = false;
  elements.status.dataset.kind = kind;
  elements.statusText.textContent = text;
  elements.chart.dataset.chartState = kind;
  if (kind !== 'loading') {
    elements.chart.dataset.cellCount = '0';
  }
}

function hideStatus() {
  elements.status.hidden = true;
}

function rememberInUrl() {
  const next = new URL(window.location.href);
  next.searchParams.set('lang', state.language);
  next.searchParams.set('metric', state.metric);
  if (state.asOf) {
    next.searchParams.set('asOf', state.asOf);
  } else {
    next.searchParams.delete('asOf');
  }
  window.history.replaceState(null, '', next);
}

function renderChrome() {
  const t = strings(state.language);
  document.documentElement.lang = state.language === 'en' ? 'en' : 'zh-CN';
  document.title = t.title;
  for (const node of document.querySelectorAll('[data-i18n]')) {
    const value = t[node.dataset.i18n];
    if (typeof value === 'string') {
      node.textContent = value;
    }
  }
  elements.language.textContent = t.switchTo;
  elements.language.lang = state.language === 'en' ? 'zh-CN' : 'en';
  if (state.catalog) {
    elements.metric.replaceChildren(...state.catalog.figures.map((figure) => {
      const option = document.createElement('option');
      option.value = figure.code;
      option.textContent = nameOf(figure, state.language);
      option.selected = figure.code === state.metric;
      return option;
    }));
  }
}

function renderFigure() {
  const t = strings(state.language);
  if (state.failure) {
    const failure = state.failure;
    let message;
    if (failure.code === 'no_model') {
      message = t.noModel;
    } else if (failure.code === 'network') {
      message = t.network;
    } else {
      message = `${t.error}：${failure.message}`;
    }
    if (failure.requestId && failure.code !== 'no_model') {
      message += `（${t.requestId} ${failure.requestId}）`;
    }
    elements.meta.textContent = '';
    elements.caption.textContent = '';
    elements.note.textContent = '';
    chart.clear();
    showStatus('error', message);
    return;
  }
  const heatmap = state.heatmap;
  if (!heatmap) {
    showStatus('loading', t.loading);
    return;
  }
  elements.meta.textContent = t.meta({
    version: heatmap.modelVersion.version,
    asOf: heatmap.asOf,
    from: heatmap.period.from,
    to: heatmap.period.to,
  });
  const metricName = nameOf(heatmap.metric, state.language);
  elements.caption.textContent = t.caption(
    metricName, nameOf(heatmap.rows.dimension, state.language), nameOf(heatmap.columns.dimension, state.language));
  elements.chart.setAttribute('aria-label', elements.caption.textContent);
  elements.note.textContent = heatmap.metric.code === 'risk_index' ? t.noteRisk : t.noteOther;
  if (!elements.asOf.value) {
    elements.asOf.value = heatmap.asOf;
  }
  if (heatmap.rows.members.length === 0 || heatmap.columns.members.length === 0 || cellsWithData(heatmap) === 0) {
    chart.clear();
    showStatus('empty', t.empty);
    return;
  }
  hideStatus();
  elements.chart.dataset.chartState = 'rendering';
  chart.setOption(buildOption(heatmap, state.language), { notMerge: true });
}

async function load() {
  const request = ++state.request;
  state.failure = null;
  state.heatmap = null;
  showStatus('loading', strings(state.language).loading);
  try {
    const heatmap = await fetchHeatmap({
      rows: state.rows, columns: state.columns, metric: state.metric, asOf: state.asOf,
    });
    if (request !== state.request) {
      return;
    }
    state.heatmap = heatmap;
  } catch (error) {
    if (request !== state.request) {
      return;
    }
    state.failure = error instanceof ApiError ? error : new ApiError(0, 'client', String(error), null);
  }
  renderFigure();
}

elements.language.addEventListener('click', () => {
  state.language = state.language === 'en' ? 'zh' : 'en';
  rememberInUrl();
  renderChrome();
  renderFigure();
});

elements.metric.addEventListener('change', () => {
  state.metric = elements.metric.value;
  rememberInUrl();
  load();
});

elements.asOf.addEventListener('change', () => {
  state.asOf = elements.asOf.value;
  rememberInUrl();
  load();
});

document.getElementById('controls').addEventListener('submit', (event) => event.preventDefault());

document.getElementById('logout').addEventListener('click', () => logout());

async function showUser() {
  try {
    const me = await fetchMe();
    const scope = me.scope === 'city' ? '全市 city' : me.scope;
    document.getElementById('user').textContent = `${me.username} · ${me.roleZh} ${me.roleEn} · ${scope}`;
  } catch {
    document.getElementById('user').textContent = '';
  }
}

async function start() {
  renderChrome();
  showUser();
  try {
    state.catalog = await fetchCatalog();
  } catch {
    state.catalog = null; // the figure request below reports the failure
  }
  renderChrome();
  await load();
}

start();
