// 学校 A school page: register row, hazard counts at the as-of date (each the total of the list it links to), hazards
// by found month over two years, open items by deadline, latest drills and the latest facility survey.
import { api } from './api.js';
import { ChartBox, FONT, BLUES } from './chartbox.js';
import { fillTable } from './format.js';
import { hazardLink } from './hazardlink.js';
import { loadNames } from './names.js';
import { describeError, pageLink, startPage, tr, whenSettled } from './page.js';

const url = new URL(location.href);
const code = url.searchParams.get('code') ?? '';
const asOf = url.searchParams.get('asOf') ?? '';
let profile = null;
let failure = null;

const context = await startPage({
  title: { zh: '校安 · 学校', en: 'xiaoan · School' },
  active: '',
  onLanguage: () => draw(),
  share: true,
});
const names = await loadNames();
const history = new ChartBox(document.getElementById('history'));

function t(text) {
  return tr(text, context.language);
}

const SURVEY = [
  ['closedManagement', '封闭化管理', 'Closed management'],
  ['fullTimeGuards', '专职保安', 'Full-time guards'],
  ['oneKeyAlarm', '一键式报警', 'One-key alarm'],
  ['videoPoliceLink', '视频监控联网', 'Video linked to police'],
  ['schoolGuardPost', '护学岗', 'School guard post'],
  ['antiRamBarriers', '防冲撞设施', 'Anti-ram barriers'],
];

function draw() {
  document.getElementById('history-caption').textContent = t({ zh: '近 24 个月隐患（按发现月份）', en: 'Hazards by found month, last 24 months' });
  document.getElementById('open-caption').textContent = t({ zh: '未整改隐患（按整改期限）', en: 'Open items by deadline' });
  document.getElementById('drills-caption').textContent = t({ zh: '最近的应急演练', en: 'Latest drills' });
  document.getElementById('survey-caption').textContent = t({ zh: '安防设施（最近一次调查）', en: 'Security facilities (latest survey)' });
  const status = document.getElementById('school-status');
  if (failure) {
    status.textContent = failure.code === 'unknown_school'
      ? t({ zh: `找不到学校 ${code}（或不在您的辖区内）。`, en: `No school ${code} (or outside your scope).` })
      : describeError(failure, context.language);
    status.classList.add('error');
    history.error(status.textContent);
    return;
  }
  if (!profile) {
    history.loading(t({ zh: '正在加载…', en: 'Loading…' }));
    return;
  }
  const school = profile.school;
  document.getElementById('school-name').textContent = `${school.name}（${school.code}）`;
  document.title = `${t({ zh: '校安', en: 'xiaoan' })} · ${school.name}`;
  document.getElementById('page-title').textContent = document.title;
  document.getElementById('school-info').textContent = t({
    zh: `${school.districtNameZh ?? school.districtCode} · ${names.name('school_type', school.schoolType, 'zh')} · ${school.boarding === 'Y' ? '寄宿制' : '非寄宿制'} · 在校生 ${school.students ?? '—'} 人 · 截至 ${profile.asOf} · 模型版本 v${profile.modelVersion.version}`,
    en: `${school.districtNameEn ?? school.districtCode} · ${names.name('school_type', school.schoolType, 'en')} · ${school.boarding === 'Y' ? 'boarding' : 'day school'} · ${school.students ?? '—'} students · as of ${profile.asOf} · model v${profile.modelVersion.version}`,
  });
  const cards = [
    ['found', { zh: `${profile.period.from.slice(0, 4)}年发现`, en: `Found in ${profile.period.from.slice(0, 4)}` }, 'found'],
    ['open', { zh: '未整改', en: 'Open' }, 'open'],
    ['overdue', { zh: '超期未整改', en: 'Overdue' }, 'overdue'],
    ['majorOpen', { zh: '重大隐患未整改', en: 'Major open' }, 'major_open'],
  ];
  document.getElementById('counts').replaceChildren(...cards.map(([key, label, state]) => {
    const card = document.createElement('a');
    card.className = 'kpi';
    card.dataset.count = key;
    card.href = pageLink('hazards.html', { state, school: school.code, asOf: profile.asOf,
      from: profile.period.from, to: profile.period.to }, context.language);
    const name = document.createElement('h3');
    name.textContent = t(label);
    const value = document.createElement('p');
    value.className = 'value';
    value.textContent = String(profile.counts[key]);
    card.append(name, value);
    return card;
  }));
  const months = profile.history;
  if (months.every((month) => month.found === 0)) {
    history.empty(t({ zh: '近 24 个月没有排查发现隐患。', en: 'No hazards found in the last 24 months.' }));
  } else {
    history.show({
      animation: false,
      textStyle: { fontFamily: FONT },
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 16, bottom: 32, containLabel: true },
      xAxis: { type: 'category', data: months.map((m) => m.month) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t({ zh: '发现', en: 'Found' }), type: 'bar', data: months.map((m) => m.found), itemStyle: { color: BLUES[2] } },
        { name: t({ zh: '其中重大', en: 'of which major' }), type: 'bar', data: months.map((m) => m.majorFound), itemStyle: { color: BLUES[0] } },
        { name: t({ zh: '仍未整改', en: 'still open' }), type: 'line', data: months.map((m) => m.stillOpen), itemStyle: { color: BLUES[1] } },
      ],
    }, document.getElementById('history-caption').textContent);
  }
  fillTable(document.getElementById('open-items'), [
    { key: 'hazardId', label: t({ zh: '隐患编号', en: 'Hazard id' }), format: (row) => hazardLink(row, context.language) },
    { key: 'category', label: t({ zh: '类别', en: 'Category' }), format: (row) => names.name('category', row.category, context.language) },
    { key: 'severity', label: t({ zh: '等级', en: 'Severity' }), format: (row) => names.name('severity', row.severity, context.language) },
    { key: 'foundDate', label: t({ zh: '发现日期', en: 'Found' }) },
    { key: 'deadline', label: t({ zh: '整改期限', en: 'Deadline' }) },
    { key: 'daysOverdue', label: t({ zh: '超期天数', en: 'Days overdue' }), numeric: true },
    { key: 'responsiblePerson', label: t({ zh: '责任人', en: 'Responsible' }) },
    { key: 'temporaryMeasures', label: t({ zh: '临时管控措施', en: 'Temporary measures' }) },
  ], profile.openItems.items, { rowKey: (row) => row.hazardId });
  fillTable(document.getElementById('drills'), [
    { key: 'date', label: t({ zh: '日期', en: 'Date' }) },
    { key: 'type', label: t({ zh: '演练类型', en: 'Type' }) },
  ], profile.drills);
  const survey = profile.survey;
  fillTable(document.getElementById('survey'), [
    { key: 'name', label: t({ zh: `项目（${survey ? survey.date : '无调查'}）`, en: `Item (${survey ? survey.date : 'no survey'})` }) },
    { key: 'value', label: t({ zh: '是否达标', en: 'In place' }) },
  ], SURVEY.map(([key, zh, en]) => ({
    name: t({ zh, en }),
    value: survey && survey[key] !== null ? (survey[key] ? t({ zh: '是', en: 'yes' }) : t({ zh: '否', en: 'no' })) : '—',
  })));
}

draw();
whenSettled([api.school(code, { asOf }).then((answer) => { profile = answer; }, (error) => { failure = error; })
  .then(draw)]);
