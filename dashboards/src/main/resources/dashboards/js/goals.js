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
  failure = null;
  draw();
  const end = asOf || undefined;
  const goalsAnswer = campaignId ? api.campaignGoals(campaignId, { asOf: end }) : api.goals({ asOf: end });
  await whenSettled([
    campaigns ? Promise.resolve() : api.campaigns().then((answer) => { campaigns = answer; }, () => {}),
    api.catalog().then((answer) => { catalog = answer; }, () => {}),
    goalsAnswer.then((answer) => { goals = answer; }, (error) => { failure = error; }),
    // the trend spans the campaign, from its baseline to its end, as the goals answer states them (no date here)
    goalsAnswer.then((answer) => api.trends({ grain: 'month', from: answer.campaign.baseline,
      to: end ?? answer.campaign.to, asOf: end, figure: ['major_open', 'legacy_major_open', 'major_found'] }))
      .then((answer) => { trend = answer; }, () => { trend = null; }),
  ], draw);
}

load();
