// 督查与报送 A campaign's supervision groups (coverage within the window, 回头看, hazards per visit, schools never
// visited) and its returns calendar (school × period, coloured on time / nil / late / missing / not due).
import { api, getJson } from './api.js';
import { ChartBox, FONT } from './chartbox.js';
import { fillTable, formatValue } from './format.js';
import { asOfField, describeError, pageLink, startPage, tr, whenSettled } from './page.js';

/** The calendar's colours, one per status of GET /api/v1/campaigns/{id}/returns. */
const STATUS = [
  { code: 'ON_TIME', color: '#31a354' },
  { code: 'NIL', color: '#9ecae1' },
  { code: 'LATE', color: '#fd8d3c' },
  { code: 'MISSING', color: '#de2d26' },
  { code: 'NOT_DUE', color: '#d9d9d9' },
];
/** Rows one calendar shows; the schools with most misses first. */
const MAX_SCHOOLS = 60;

let asOf = '';
let campaigns = null;
let groups = null;
let returns = null;
let failure = null;
let campaignId = new URLSearchParams(window.location.search).get('campaign') || '';
const charts = [];

const context = await startPage({
  title: { zh: '校安 · 督查与报送', en: 'xiaoan · Supervision and returns' },
  active: 'goals.html',
  onLanguage: () => { asOfInput.setLanguage(context.language); draw(); },
  share: true,
});

function t(text) {
  return tr(text, context.language);
}

const asOfInput = asOfField(document.getElementById('as-of'), context.language, (value) => { asOf = value; load(); });
asOf = asOfInput.value;
const campaignSelect = document.getElementById('campaign');
campaignSelect.addEventListener('change', () => {
  campaignId = campaignSelect.value;
  const url = new URL(window.location.href);
  url.searchParams.set('campaign', campaignId);
  window.history.replaceState(null, '', url);
  load();
});

function chosen() {
  return campaignId || campaigns?.primary || '';
}

function campaignOptions() {
  if (!campaigns) {
    return;
  }
  campaignSelect.replaceChildren(...campaigns.campaigns.map((c) => {
    const option = document.createElement('option');
    option.value = c.id;
    option.textContent = context.language === 'en' ? c.nameEn : c.nameZh;
    option.selected = c.id === chosen();
    return option;
  }));
}

function percent(value) {
  return value === null || value === undefined ? '—' : formatValue(value, 'rate', context.language);
}

function drawGroups() {
  const status = document.getElementById('groups-status');
  const table = document.getElementById('groups');
  if (failure || !groups) {
    table.replaceChildren();
    return;
  }
  if (groups.rounds.length === 0) {
    table.replaceChildren();
    status.textContent = t({ zh: '该专项行动未设督查组。', en: 'This campaign has no supervision groups.' });
    return;
  }
  status.textContent = t({ zh: `截至 ${groups.asOf} · 模型版本 v${groups.modelVersion}`,
    en: `As of ${groups.asOf} · model v${groups.modelVersion}` });
  const names = new Map(groups.rounds.flatMap((r) => r.schools.map((s) => [s.schoolCode, s.schoolName])));
  fillTable(table, [
    { key: 'group', label: t({ zh: '督查组', en: 'Group' }),
      format: (r) => `${context.language === 'en' ? r.groupEn : r.groupZh}（${r.leader}）` },
    { key: 'kind', label: t({ zh: '轮次', en: 'Round' }),
      format: (r) => (r.kind === 'revisit' ? t({ zh: '回头看', en: 'Revisit' }) : t({ zh: '督查', en: 'Visit' })) },
    { key: 'window', label: t({ zh: '时段', en: 'Window' }), format: (r) => `${r.from} – ${r.to}` },
    { key: 'visited', label: t({ zh: '已督查/应督查', en: 'Visited / assigned' }), numeric: true,
      format: (r) => `${r.visited} / ${r.assigned}` },
    { key: 'coverage', label: t({ zh: '覆盖率', en: 'Coverage' }), numeric: true, format: (r) => percent(r.coverage) },
    { key: 'revisited', label: t({ zh: '回头看完成', en: 'Revisited' }), numeric: true,
      format: (r) => (r.kind === 'revisit' ? `${r.revisited} / ${r.visitedBefore}` : '') },
    { key: 'hazardsFound', label: t({ zh: '发现隐患', en: 'Hazards found' }), numeric: true },
    { key: 'hazardsPerVisit', label: t({ zh: '每次督查发现', en: 'Per visit day' }), numeric: true,
      format: (r) => (r.hazardsPerVisit === null ? '—' : r.hazardsPerVisit.toFixed(2)) },
    { key: 'neverVisited', label: t({ zh: '未督查学校', en: 'Not visited' }),
      format: (r) => r.neverVisited.map((code) => names.get(code) ?? code).join('、') },
  ], groups.rounds, { rowKey: (r) => `${r.groupZh}/${r.kind}/${r.from}` });
}

function drawReturns() {
  const host = document.getElementById('returns');
  const status = document.getElementById('returns-status');
  charts.splice(0).forEach((chart) => chart.dispose?.());
  host.replaceChildren();
  if (failure || !returns) {
    return;
  }
  const written = returns.untracked.length
    ? t({ zh: `；书面报送 ${returns.untracked.length} 项不在仓库中`, en: `; ${returns.untracked.length} written returns are not in the warehouse` })
    : '';
  status.textContent = returns.returns.length
    ? t({ zh: `截至 ${returns.asOf}${written}`, en: `As of ${returns.asOf}${written}` })
    : t({ zh: `该专项行动没有数据报送${written}`, en: `This campaign asks no data returns${written}` });
  for (const schedule of returns.returns) {
    const section = document.createElement('div');
    section.className = 'returns-calendar';
    section.dataset.return = schedule.id;
    const heading = document.createElement('h3');
    heading.textContent = `${context.language === 'en' ? schedule.nameEn : schedule.nameZh}`;
    const frame = document.createElement('div');
    frame.className = 'chart-host';
    section.append(heading, frame);
    host.append(section);
    const misses = new Map();
    for (const cell of schedule.cells) {
      const miss = cell.status === 'MISSING' || cell.status === 'LATE' ? 1 : 0;
      misses.set(cell.schoolCode, (misses.get(cell.schoolCode) ?? 0) + miss);
    }
    const schools = [...new Map(schedule.cells.map((c) => [c.schoolCode, c.schoolName])).entries()]
      .sort((a, b) => (misses.get(b[0]) - misses.get(a[0])) || a[0].localeCompare(b[0]))
      .slice(0, MAX_SCHOOLS);
    const row = new Map(schools.map(([code], i) => [code, i]));
    const periods = schedule.periods.filter((p) => schedule.cells.some((c) => c.period === p.number));
    const column = new Map(periods.map((p, i) => [p.number, i]));
    const data = schedule.cells
      .filter((c) => row.has(c.schoolCode) && column.has(c.period))
      .map((c) => ({ value: [column.get(c.period), row.get(c.schoolCode), STATUS.findIndex((s) => s.code === c.status)],
        cell: c }));
    frame.style.height = `${Math.max(160, 60 + schools.length * 22)}px`;
    const chart = new ChartBox(frame);
    charts.push(chart);
    chart.show({
      animation: false,
      textStyle: { fontFamily: FONT },
      tooltip: { formatter: (p) => {
        const c = p.data.cell;
        const status = context.language === 'en' ? c.statusEn : c.statusZh;
        return `${c.schoolName}<br>${periods[p.data.value[0]].label}（${t({ zh: '截止', en: 'due' })} ${periods[p.data.value[0]].due}）<br>${status}${c.returnedOn ? ` ${c.returnedOn}` : ''}`;
      } },
      grid: { left: 8, right: 16, top: 8, bottom: 48, containLabel: true },
      xAxis: { type: 'category', data: periods.map((p) => p.label), splitArea: { show: true } },
      yAxis: { type: 'category', data: schools.map(([, name]) => name), inverse: true },
      visualMap: { type: 'piecewise', orient: 'horizontal', left: 'center', bottom: 0, dimension: 2,
        pieces: STATUS.map((s, i) => ({ value: i, color: s.color,
          label: t({ zh: { ON_TIME: '按时', NIL: '零报告', LATE: '逾期', MISSING: '未报送', NOT_DUE: '未到期' }[s.code],
            en: { ON_TIME: 'On time', NIL: 'Nil return', LATE: 'Late', MISSING: 'Missing', NOT_DUE: 'Not due' }[s.code] }) })) },
      series: [{ type: 'heatmap', data, itemStyle: { borderColor: '#fff', borderWidth: 1 } }],
    }, heading.textContent);
  }
}

function draw() {
  document.getElementById('campaign-label').textContent = t({ zh: '专项行动', en: 'Campaign' });
  document.getElementById('as-of-label').textContent = t({ zh: '截至日期', en: 'As of' });
  const link = document.getElementById('goals-link');
  link.textContent = t({ zh: '目标进展', en: 'Goals' });
  link.href = pageLink('goals.html', { campaign: campaignId, asOf }, context.language);
  document.getElementById('groups-caption').textContent = t({ zh: '督查组：计划与完成', en: 'Supervision groups: planned and done' });
  document.getElementById('returns-caption').textContent = t({ zh: '报送日历（学校 × 报送期）', en: 'Returns calendar (school × period)' });
  campaignOptions();
  const status = document.getElementById('groups-status');
  status.classList.toggle('error', Boolean(failure));
  if (failure) {
    status.textContent = describeError(failure, context.language);
  } else if (!groups) {
    status.textContent = t({ zh: '正在加载…', en: 'Loading…' });
  }
  if (groups?.asOf) {
    asOfInput.setDefault(groups.asOf);
  }
  drawGroups();
  drawReturns();
}

async function load() {
  delete document.body.dataset.ready;
  groups = null;
  returns = null;
  failure = null;
  draw();
  if (!campaigns) {
    campaigns = await api.campaigns().catch((error) => { failure = error; return null; });
  }
  const id = chosen();
  const params = { asOf: asOf || undefined };
  const path = `/api/v1/campaigns/${encodeURIComponent(id)}`;
  await whenSettled([
    getJson(`${path}/groups`, params).then((answer) => { groups = answer; }, (error) => { failure = error; }),
    getJson(`${path}/returns`, params).then((answer) => { returns = answer; }, (error) => { failure = error; }),
  ], draw);
}

load();
