// 大屏 The duty-room wall screen: KPI tiles against a year earlier, the area map, the campaign goals per district and
// the overdue MAJOR hazards scrolling by. Nobody touches it: it polls the published model version (GET /api/v1/health)
// and redraws everything when a new model is published. Every number is the API's; this page only lays them out.
// ?figure=CODE shades the map by another figure, ?poll=SECONDS changes the polling interval (2–600, default 30).
import { api, getJson } from './api.js';
import { loadArea, mapOption } from './areamap.js';
import { ChartBox } from './chartbox.js';
import { formatChange, formatValue, nameOf } from './format.js';
import { currentLanguage, describeError, tr } from './page.js';

const KPIS = ['found', 'rectification_rate', 'on_time_rate', 'risk_index', 'open', 'overdue', 'major_open', 'legacy_major_open'];
const OVERDUE_SHOWN = 200;
/** Seconds one viewport height of the overdue list takes to scroll by. */
const SCROLL_SECONDS_PER_SCREEN = 25;

const url = new URL(location.href);
const language = currentLanguage();
const mapFigure = url.searchParams.get('figure') ?? 'risk_index';
const pollSeconds = Math.min(600, Math.max(2, Number(url.searchParams.get('poll')) || 30));
const state = { version: null, catalog: null, geojson: null, table: null, loading: false };
const chart = new ChartBox(document.getElementById('wall-map-frame'));

function t(text) {
  return tr(text, language);
}

function drawChrome() {
  document.documentElement.lang = language === 'en' ? 'en' : 'zh-CN';
  document.title = t({ zh: '校安 · 大屏', en: 'xiaoan · Wall screen' });
  document.getElementById('wall-title').textContent = t({ zh: '校园安全隐患排查整治 · 态势', en: 'School safety hazards · situation' });
  document.getElementById('kpi-caption').textContent = t({ zh: '关键指标（同比）', en: 'Key figures (year on year)' });
  document.getElementById('goals-caption').textContent = t({ zh: '三年行动目标', en: 'Campaign goals' });
  document.getElementById('overdue-caption').textContent = t({ zh: '超期未整改重大隐患', en: 'Overdue major hazards' });
}

function tickClock() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  document.getElementById('wall-clock').textContent =
    `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`;
}

function figureOf(code) {
  return state.catalog?.figures?.find((f) => f.code === code) ?? { code, nameZh: code, nameEn: code, unit: 'count' };
}

function memberName(dimension, code) {
  const member = state.catalog?.dimensions?.find((d) => d.code === dimension)?.members?.find((m) => m.code === code);
  return member ? nameOf(member, language) : code;
}

function drawKpis(comparison) {
  const host = document.getElementById('wall-kpis');
  host.replaceChildren(...KPIS.map((code) => {
    const figure = comparison.figures.find((f) => f.code === code);
    const tile = document.createElement('article');
    tile.className = 'wall-kpi';
    tile.dataset.figure = code;
    const name = document.createElement('h3');
    name.textContent = nameOf(figure, language);
    const value = document.createElement('p');
    value.className = 'value';
    value.dataset.value = figure.current ?? '';
    value.textContent = formatValue(figure.current, figure.unit, language);
    const change = document.createElement('p');
    change.className = 'change';
    change.dataset.change = figure.change ?? '';
    change.textContent = `${t({ zh: '同比', en: 'YoY' })} ${formatChange(figure.change, figure.unit, language)}`;
    tile.append(name, value, change);
    return tile;
  }));
  document.getElementById('kpi-note').textContent = t({
    zh: `统计期 ${comparison.period.from} 至 ${comparison.period.to}，对比 ${comparison.previousPeriod.from} 至 ${comparison.previousPeriod.to}`,
    en: `Period ${comparison.period.from} to ${comparison.period.to} against ${comparison.previousPeriod.from} to ${comparison.previousPeriod.to}`,
  });
}

function drawMap() {
  if (!state.geojson || !state.table) {
    return;
  }
  // an unknown ?figure= falls back to the risk index rather than a map of nothing
  const figure = figureOf(state.catalog?.figures?.some((f) => f.code === mapFigure) ? mapFigure : 'risk_index');
  const caption = t({ zh: `各县区${figure.nameZh}`, en: `${figure.nameEn} by district` });
  document.getElementById('map-caption').textContent = caption;
  chart.element.dataset.modelVersion = String(state.table.modelVersion.version);
  chart.show(mapOption({ geojson: state.geojson, table: state.table, figure, language,
    scale: window.innerWidth / 1920 * 1.25, dark: true }), caption);
}

function drawGoals(report) {
  const goals = [];
  const byDistrict = new Map();
  for (const row of report.goals) {
    if (!goals.some((g) => g.goal === row.goal)) {
      goals.push(row);
    }
    if (!byDistrict.has(row.district)) {
      byDistrict.set(row.district, new Map());
    }
    byDistrict.get(row.district).set(row.goal, row);
  }
  document.getElementById('goal-names').replaceChildren(...goals.map((g) => Object.assign(document.createElement('li'), {
    textContent: language === 'en' ? g.nameEn : g.nameZh })));
  const table = document.getElementById('wall-goals');
  const head = document.createElement('tr');
  head.append(Object.assign(document.createElement('th'), { textContent: t({ zh: '县区', en: 'District' }) }),
    ...goals.map((g, i) => Object.assign(document.createElement('th'), { textContent: `${t({ zh: '目标', en: 'Goal ' })}${i + 1}` })));
  const rows = [...byDistrict.entries()].map(([district, statuses]) => {
    const row = document.createElement('tr');
    row.dataset.district = district;
    row.append(Object.assign(document.createElement('td'), { textContent: memberName('district', district) }));
    for (const goal of goals) {
      const cell = document.createElement('td');
      const status = statuses.get(goal.goal);
      if (status) {
        const badge = document.createElement('span');
        badge.className = `goal ${status.status}`;
        badge.textContent = language === 'en' ? status.statusEn : status.statusZh;
        cell.append(badge);
      }
      row.append(cell);
    }
    return row;
  });
  const thead = document.createElement('thead');
  thead.append(head);
  const tbody = document.createElement('tbody');
  tbody.append(...rows);
  table.replaceChildren(thead, tbody);
}

function overdueItem(item) {
  const li = document.createElement('li');
  li.dataset.hazard = item.hazardId;
  const school = Object.assign(document.createElement('span'), { className: 'school', textContent: item.schoolName });
  const days = Object.assign(document.createElement('span'), { className: 'days',
    textContent: t({ zh: `超期 ${item.daysOverdue} 天`, en: `${item.daysOverdue} days overdue` }) });
  const detail = Object.assign(document.createElement('span'), { className: 'detail',
    textContent: [memberName('district', item.districtCode), memberName('category', item.category),
      `${t({ zh: '整改期限', en: 'due' })} ${item.deadline}`, item.description].filter(Boolean).join(' · ') });
  li.append(school, days, detail);
  return li;
}

function drawOverdue(page) {
  const list = document.getElementById('overdue-list');
  const items = page.items.map(overdueItem);
  list.replaceChildren(...items);
  list.dataset.count = String(page.items.length);
  const more = page.total > page.items.length;
  document.getElementById('overdue-note').textContent = page.total === 0
    ? t({ zh: `截至 ${page.asOf} 没有超期未整改的重大隐患。`, en: `No overdue major hazard at ${page.asOf}.` })
    : t({ zh: `截至 ${page.asOf} 共 ${page.total} 项${more ? `，按超期天数列出前 ${page.items.length} 项` : ''}`,
      en: `${page.total} at ${page.asOf}${more ? `; the ${page.items.length} most overdue listed` : ''}` });
  scroller.restart();
}

/** Scrolls the overdue list in a loop (a copy of the list follows it, so the wrap is seamless) when it overflows. */
const scroller = {
  frame: null,
  last: 0,
  restart() {
    const viewport = document.getElementById('overdue-viewport');
    const list = document.getElementById('overdue-list');
    list.querySelectorAll('.copy').forEach((li) => li.remove());
    viewport.scrollTop = 0;
    cancelAnimationFrame(this.frame);
    const height = list.scrollHeight;
    if (height <= viewport.clientHeight) {
      viewport.dataset.scrolling = 'false';
      return;
    }
    for (const li of [...list.children]) {
      const copy = li.cloneNode(true);
      copy.classList.add('copy');
      copy.setAttribute('aria-hidden', 'true');
      list.append(copy);
    }
    viewport.dataset.scrolling = 'true';
    let position = 0;
    this.last = performance.now();
    const step = (now) => {
      const speed = viewport.clientHeight / (SCROLL_SECONDS_PER_SCREEN * 1000);
      position = (position + (now - this.last) * speed) % height;
      this.last = now;
      viewport.scrollTop = position;
      this.frame = requestAnimationFrame(step);
    };
    this.frame = requestAnimationFrame(step);
  },
};

function showError(error) {
  const message = describeError(error, language);
  document.getElementById('wall-meta').textContent = message;
  if (!state.table) {
    chart.error(message);
  }
}

/** Loads and draws everything for the model now published. */
async function refresh() {
  if (state.loading) {
    return;
  }
  state.loading = true;
  delete document.body.dataset.ready;
  if (!state.table) {
    chart.loading(t({ zh: '正在加载…', en: 'Loading…' }));
  }
  try {
    const [catalog, geojson, comparison, table, goals, overdue] = await Promise.all([
      api.catalog(),
      loadArea(),
      api.compare({}),
      api.figures({ by: 'district' }),
      api.goals({}),
      api.hazards({ state: 'overdue', filter: ['severity=MAJOR'], sort: 'days_overdue', order: 'desc', size: OVERDUE_SHOWN }),
    ]);
    Object.assign(state, { catalog, geojson, table });
    drawKpis(comparison);
    drawMap();
    drawGoals(goals);
    drawOverdue(overdue);
    state.version = comparison.modelVersion.version;
    document.getElementById('wall-meta').textContent = t({
      zh: `模型版本 v${state.version} · 截至 ${comparison.asOf} · 更新于 ${new Date().toLocaleTimeString('zh-CN', { hour12: false })}`,
      en: `Model v${state.version} · as of ${comparison.asOf} · updated ${new Date().toLocaleTimeString('en-GB')}`,
    });
    document.body.dataset.modelVersion = String(state.version);
  } catch (error) {
    showError(error);
  } finally {
    state.loading = false;
    document.body.dataset.ready = 'true';
  }
}

/** Asks which model is published; a new one (or a first answer after a failure) redraws the screen. */
async function poll() {
  const link = document.getElementById('wall-link');
  try {
    const health = await getJson('/api/v1/health');
    link.dataset.state = 'ok';
    link.textContent = '';
    const published = health.model?.version ?? null;
    if (published !== null && published !== state.version) {
      await refresh();
    }
  } catch {
    link.dataset.state = 'lost';
    link.textContent = t({ zh: '连接中断，正在重试', en: 'connection lost, retrying' });
  }
}

let resizeTimer = null;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => { drawMap(); scroller.restart(); }, 200);
});

drawChrome();
tickClock();
setInterval(tickClock, 1000);
await refresh();
setInterval(poll, pollSeconds * 1000);
