// 三年行动目标 The three campaign goals per district (met / not met, on track / at risk) with the numbers behind each
// verdict, and the MAJOR hazards' course toward the deadlines (open at each month's end, found per month).
import { api } from './api.js';
import { ChartBox, FONT, BLUES } from './chartbox.js';
import { fillTable, formatValue } from './format.js';
import { asOfField, describeError, pageLink, startPage, tr, whenSettled } from './page.js';

let asOf = '';
let goals = null;
let trend = null;
let catalog = null;
let failure = null;
let campaigns = null;
let stockFlow = null;
let outlook = null;
// the campaign shown: ?campaign=ID, else the installation's primary campaign
let campaignId = new URLSearchParams(window.location.search).get('campaign') || '';

const context = await startPage({
  title: { zh: '校安 · 三年行动目标', en: 'xiaoan · Campaign goals' },
  active: 'goals.html',
  onLanguage: () => { asOfInput.setLanguage(context.language); draw(); },
  share: true,
});
const chart = new ChartBox(document.getElementById('goal-trend'));

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

function campaignOptions() {
  if (!campaigns) {
    return;
  }
  const chosen = campaignId || campaigns.primary;
  campaignSelect.replaceChildren(...campaigns.campaigns.map((c) => {
    const option = document.createElement('option');
    option.value = c.id;
    option.textContent = context.language === 'en' ? c.nameEn : c.nameZh;
    option.selected = c.id === chosen;
    return option;
  }));
}

/** The campaign's phases, each as wide as its days, the current one highlighted and the as-of day marked. */
function drawPhases(campaign, day) {
  const list = document.getElementById('phases');
  const days = (from, to) => (Date.parse(to) - Date.parse(from)) / 86400000 + 1;
  const total = days(campaign.from, campaign.to);
  const items = campaign.phases.map((phase) => {
    const item = document.createElement('li');
    item.style.flex = `${days(phase.from, phase.to)} 1 0`;
    item.classList.toggle('current', phase.from <= day && day <= phase.to);
    item.textContent = context.language === 'en' ? phase.nameEn : phase.nameZh;
    const dates = document.createElement('small');
    dates.textContent = `${phase.from} – ${phase.to}`;
    item.append(dates);
    item.title = `${item.firstChild.textContent} ${dates.textContent}`;
    return item;
  });
  if (day >= campaign.from && day <= campaign.to) {
    const today = document.createElement('li');
    today.className = 'today';
    today.style.left = `${(100 * (days(campaign.from, day) - 1)) / total}%`;
    today.title = t({ zh: `截至 ${day}`, en: `As of ${day}` });
    today.setAttribute('aria-label', today.title);
    items.push(today);
  }
  list.replaceChildren(...items);
}

/** A member's name in the page's language (the code only while the catalog is loading). */
function memberName(dimension, code) {
  const member = catalog?.dimensions?.find((d) => d.code === dimension)?.members?.find((m) => m.code === code);
  if (!member) {
    return code;
  }
  return context.language === 'en' ? member.nameEn : member.nameZh;
}

function percent(value) {
  return formatValue(value, 'rate', context.language);
}

/** A projected value: a rate as a percentage, a count with one decimal (an expectation, not a count). */
function projected(measure, value) {
  const unit = catalog?.figures?.find((f) => f.code === measure.figure)?.unit ?? 'count';
  return unit === 'rate' ? percent(value) : formatValue(value, 'days', context.language);
}

/** 目标预测: each goal still to be judged, its measures projected at its date (labelled as a projection). */
function drawOutlook() {
  document.getElementById('outlook-caption').textContent = t({ zh: '目标预测（预测值，非统计指标）',
    en: 'Goal outlook (a projection, not a figure)' });
  document.getElementById('risks-caption').textContent = t({ zh: '最可能超期的未整改隐患（预测）',
    en: 'Open hazards most likely to miss their deadline (projection)' });
  const method = document.getElementById('outlook-method');
  if (!outlook) {
    method.textContent = '';
    fillTable(document.getElementById('outlook'), [], []);
    fillTable(document.getElementById('deadline-risks'), [], []);
    return;
  }
  method.textContent = t({
    zh: `预测方法：${outlook.method.historyFrom} 以来发现隐患的整改用时（Kaplan–Meier，未整改者删失，按类别与等级分层，不足 ${outlook.method.minStratum} 项并入上一层），固定种子模拟 ${outlook.method.runs} 次，区间覆盖 90%。`,
    en: `Projection: time to rectify of hazards found since ${outlook.method.historyFrom} (Kaplan–Meier, open hazards censored, by category and severity, strata under ${outlook.method.minStratum} pooled), ${outlook.method.runs} runs with a fixed seed, 90% interval.`,
  });
  const rows = [];
  for (const goal of outlook.goals) {
    if (goal.judged) {
      rows.push({ goal, measure: null });
    }
    for (const measure of goal.measures) {
      rows.push({ goal, measure });
    }
  }
  fillTable(document.getElementById('outlook'), [
    { key: 'goal', label: t({ zh: '目标', en: 'Goal' }), format: (row) => (context.language === 'en' ? row.goal.nameEn : row.goal.nameZh) },
    { key: 'judgedOn', label: t({ zh: '判定日', en: 'Judged on' }), format: (row) => row.goal.judgedOn },
    { key: 'measure', label: t({ zh: '指标', en: 'Measure' }), format: (row) => (row.measure
      ? (context.language === 'en' ? row.measure.nameEn : row.measure.nameZh) : t({ zh: '已判定', en: 'Judged' })) },
    { key: 'projected', label: t({ zh: '预测值', en: 'Projected' }), format: (row) => {
      if (!row.measure) {
        return '—';
      }
      if (row.measure.expected === null) {
        return context.language === 'en' ? row.measure.reasonEn : row.measure.reasonZh;
      }
      return `${projected(row.measure, row.measure.expected)}（${projected(row.measure, row.measure.low)} – ${projected(row.measure, row.measure.high)}）`;
    } },
    { key: 'chance', label: t({ zh: '达标概率', en: 'Chance met' }), format: (row) => (row.measure?.chanceMet == null
      ? '—' : percent(row.measure.chanceMet)) },
  ], rows, { rowKey: (row) => `${row.goal.goal}/${row.measure?.measure ?? ''}` });
  fillTable(document.getElementById('deadline-risks'), [
    { key: 'district', label: t({ zh: '县区', en: 'District' }), format: (row) => memberName('district', row.districtCode) },
    { key: 'school', label: t({ zh: '学校', en: 'School' }), format: (row) => row.schoolName },
    { key: 'hazard', label: t({ zh: '隐患编号', en: 'Hazard' }), format: (row) => row.hazardId },
    { key: 'severity', label: t({ zh: '等级', en: 'Severity' }), format: (row) => memberName('severity', row.severity) },
    { key: 'category', label: t({ zh: '类别', en: 'Category' }), format: (row) => memberName('category', row.category) },
    { key: 'deadline', label: t({ zh: '整改期限', en: 'Deadline' }), format: (row) => row.deadline },
    { key: 'miss', label: t({ zh: '超期概率', en: 'Miss probability' }), format: (row) => percent(row.missProbability) },
  ], outlook.deadlineRisks, { rowKey: (row) => `${row.schoolCode}/${row.hazardId}` });
}

/** 存量流量表: opening + new − resolved = closing, a total per severity then district × category, MAJOR first. */
function drawStockFlow() {
  document.getElementById('stock-flow-caption').textContent = t({ zh: '隐患存量流量表', en: 'Stock and flow of hazards' });
  const note = document.getElementById('stock-flow-note');
  if (!stockFlow || !stockFlow.from) {
    note.textContent = stockFlow ? t({ zh: '专项行动尚未开始。', en: 'The campaign has not begun.' }) : '';
    fillTable(document.getElementById('stock-flow'), [], []);
    return;
  }
  note.textContent = t({
    zh: `${stockFlow.from} 至 ${stockFlow.to}：期初存量 + 本期新增 − 本期整改 = 期末存量（每次构建模型时校验）。`,
    en: `${stockFlow.from} to ${stockFlow.to}: opening + new − resolved = closing (checked at every model build).`,
  });
  document.getElementById('stock-flow-print-note').textContent = t({
    zh: '打印版仅列合计；分县区、类别的明细见屏幕或专项行动评估报告。',
    en: 'Printed: the totals only; the lines by district and category are on screen and in the campaign report.',
  });
  const count = (value) => formatValue(value, 'count', context.language);
  fillTable(document.getElementById('stock-flow'), [
    { key: 'severity', label: t({ zh: '等级', en: 'Severity' }), format: (row) => memberName('severity', row.severity) },
    { key: 'district', label: t({ zh: '县区', en: 'District' }), format: (row) => (row.district
      ? memberName('district', row.district) : t({ zh: '合计', en: 'Total' })) },
    { key: 'category', label: t({ zh: '类别', en: 'Category' }), format: (row) => (row.category ? memberName('category', row.category) : '') },
    { key: 'opening', label: t({ zh: '期初存量', en: 'Opening' }), format: (row) => count(row.opening) },
    { key: 'found', label: t({ zh: '本期新增', en: 'New' }), format: (row) => count(row.found) },
    { key: 'resolved', label: t({ zh: '本期整改', en: 'Resolved' }), format: (row) => count(row.resolved) },
    { key: 'closing', label: t({ zh: '期末存量', en: 'Closing' }), format: (row) => count(row.closing) },
  ], [...stockFlow.totals, ...stockFlow.rows], { rowKey: (row) => `${row.severity}/${row.district ?? ''}/${row.category ?? ''}` });
}

function districtName(code) {
  const member = catalog?.dimensions?.find((d) => d.code === 'district')?.members?.find((m) => m.code === code);
  return member ? (context.language === 'en' ? member.nameEn : member.nameZh) : code;
}

function draw() {
  document.getElementById('campaign-label').textContent = t({ zh: '专项行动', en: 'Campaign' });
  document.getElementById('as-of-label').textContent = t({ zh: '截至日期', en: 'As of' });
  document.getElementById('phases-caption').textContent = t({ zh: '行动阶段', en: 'Phases' });
  document.getElementById('goals-caption').textContent = t({ zh: '各县区目标完成情况', en: 'Goals by district' });
  campaignOptions();
  // the chosen campaign's supervision groups and returns calendar (campaign.html)
  const dataLink = document.getElementById('campaign-data-link');
  dataLink.textContent = t({ zh: '督查与报送', en: 'Supervision and returns' });
  dataLink.href = pageLink('campaign.html', { campaign: campaignId, asOf }, context.language);
  document.getElementById('trend-caption').textContent = t({ zh: '重大隐患走势：月末未整改（目标 1、3）与每月新发现（目标 2）',
    en: 'Major hazards: open at month end (goals 1 and 3) and found per month (goal 2)' });
  const status = document.getElementById('goals-status');
  if (failure) {
    status.textContent = describeError(failure, context.language);
    status.classList.add('error');
    chart.error(status.textContent);
    return;
  }
  if (!goals) {
    status.textContent = t({ zh: '正在加载…', en: 'Loading…' });
    chart.loading(status.textContent);
    return;
  }
  asOfInput.setDefault(goals.asOf);
  drawPhases(goals.campaign, goals.asOf);
  status.textContent = t({ zh: `截至 ${goals.asOf} · 模型版本 v${goals.modelVersion.version}`,
    en: `As of ${goals.asOf} · model v${goals.modelVersion.version}` });
  fillTable(document.getElementById('goals'), [
    { key: 'district', label: t({ zh: '县区', en: 'District' }), format: (row) => districtName(row.district) },
    { key: 'goal', label: t({ zh: '目标', en: 'Goal' }), format: (row) => (context.language === 'en' ? row.nameEn : row.nameZh) },
    { key: 'deadline', label: t({ zh: '时限', en: 'Deadline' }) },
    { key: 'status', label: t({ zh: '完成情况', en: 'Status' }), format: (row) => {
      const badge = document.createElement('span');
      badge.className = `badge ${row.status}`;
      badge.textContent = context.language === 'en' ? row.statusEn : row.statusZh;
      return badge;
    } },
    { key: 'measures', label: t({ zh: '依据', en: 'Numbers behind it' }), format: (row) => row.measures
      .map((m) => `${context.language === 'en' ? m.nameEn : m.nameZh} ${formatValue(m.value,
        catalog?.figures?.find((f) => f.code === m.figure)?.unit ?? 'count', context.language)}`)
      .join('；') },
  ], goals.goals, { rowKey: (row) => `${row.district}/${row.goal}` });
  drawOutlook();
  drawStockFlow();
  if (!trend || trend.points.length === 0) {
    chart.empty(t({ zh: '没有数据。', en: 'No data.' }));
    return;
  }
  chart.show({
    animation: false,
    textStyle: { fontFamily: FONT },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 16, bottom: 32, containLabel: true },
    xAxis: { type: 'category', data: trend.points.map((p) => p.code) },
    yAxis: { type: 'value', minInterval: 1 },
    series: trend.figures.map((figure, i) => ({
      name: context.language === 'en' ? figure.nameEn : figure.nameZh,
      type: i === 2 ? 'bar' : 'line',
      data: trend.points.map((p) => p.rows[0]?.[figure.code] ?? null),
      itemStyle: { color: BLUES[i % BLUES.length] },
      lineStyle: { type: i === 1 ? 'dashed' : 'solid', width: 2 },
    })),
  }, document.getElementById('trend-caption').textContent);
}

async function load() {
  delete document.body.dataset.ready;
  goals = null;
  stockFlow = null;
  outlook = null;
  failure = null;
  draw();
  const end = asOf || undefined;
  const goalsAnswer = campaignId ? api.campaignGoals(campaignId, { asOf: end }) : api.goals({ asOf: end });
  await whenSettled([
    campaigns ? Promise.resolve() : api.campaigns().then((answer) => { campaigns = answer; }, () => {}),
    api.catalog().then((answer) => { catalog = answer; }, () => {}),
    goalsAnswer.then((answer) => { goals = answer; }, (error) => { failure = error; }),
    // the trend spans the campaign, from its baseline to its end, over the districts its goals cover (its area
    // within the user's scope), as the goals answer states them (no date or district here)
    goalsAnswer.then((answer) => {
      const districts = [...new Set(answer.goals.map((g) => g.district))];
      if (districts.length === 0) {
        return { points: [] };
      }
      return api.trends({ grain: 'month', from: answer.campaign.baseline, to: end ?? answer.campaign.to, asOf: end,
        figure: ['major_open', 'legacy_major_open', 'major_found'], filter: [`district=${districts.join(',')}`] });
    }).then((answer) => { trend = answer; }, () => { trend = null; }),
    goalsAnswer.then((answer) => api.campaignStockFlow(answer.campaign.id, { asOf: end }))
      .then((answer) => { stockFlow = answer; }, () => { stockFlow = null; }),
    goalsAnswer.then((answer) => api.campaignOutlook(answer.campaign.id, { asOf: end }))
      .then((answer) => { outlook = answer; }, () => { outlook = null; }),
  ], draw);
}

load();
