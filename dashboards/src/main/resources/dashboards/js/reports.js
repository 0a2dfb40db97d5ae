// 报告 Reports: choose the report, year or month, district and format, and download it from /api/v1/reports (the
// server keeps a district user to their district whatever is chosen here).
import { api, queryString } from './api.js';
import { DateField } from './datefield.js';
import { loadNames } from './names.js';
import { startPage, tr, whenSettled } from './page.js';

const KINDS = [
  { code: 'annual', zh: '年度工作总结', en: 'Annual work summary', formats: ['docx', 'xlsx'] },
  { code: 'campaign', zh: '三年行动评估报告（2024—2026）', en: 'Campaign evaluation 2024–2026', formats: ['docx', 'xlsx'] },
  { code: 'monthly', zh: '月报', en: 'Monthly brief', formats: ['xlsx'] },
];
const context = await startPage({
  title: { zh: '校安 · 报告', en: 'xiaoan · Reports' },
  active: 'reports.html',
  onLanguage: () => { monthField.setLanguage(context.language); draw(); },
  share: true,
});
let catalog = null;
let names = null;
// the choice lives in the URL, so "copy link" shares it and a reload keeps it
const asked = new URL(location.href).searchParams;
const choice = {
  kind: KINDS.some((k) => k.code === asked.get('kind')) ? asked.get('kind') : 'annual',
  year: asked.get('year') ?? '',
  month: asked.get('month') ?? '',
  district: asked.get('district') ?? '',
  format: asked.get('format') ?? 'docx',
};
const monthField = new DateField(document.getElementById('month'), { kind: 'month', language: context.language,
  value: choice.month, onChange: (value) => { choice.month = value; draw(); } });

function remember() {
  const next = new URL(location.href);
  for (const [key, value] of Object.entries(choice)) {
    if (value) {
      next.searchParams.set(key, value);
    } else {
      next.searchParams.delete(key);
    }
  }
  history.replaceState(null, '', next);
}

function t(text) {
  return tr(text, context.language);
}

function options(select, items, selected) {
  select.replaceChildren(...items.map(([value, label]) => {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = label;
    option.selected = value === selected;
    return option;
  }));
}

function draw() {
  const kind = KINDS.find((k) => k.code === choice.kind);
  if (!kind.formats.includes(choice.format)) {
    choice.format = kind.formats[0];
  }
  document.getElementById('reports-caption').textContent = t({ zh: '生成并下载报告', en: 'Write and download a report' });
  document.getElementById('kind-label').textContent = t({ zh: '报告', en: 'Report' });
  document.getElementById('year-label').textContent = t({ zh: '年度', en: 'Year' });
  document.getElementById('month-label').textContent = t({ zh: '月份', en: 'Month' });
  document.getElementById('district-label').textContent = t({ zh: '范围', en: 'Scope' });
  document.getElementById('format-label').textContent = t({ zh: '格式', en: 'Format' });
  options(document.getElementById('kind'), KINDS.map((k) => [k.code, tr(k, context.language)]), choice.kind);
  const years = catalog?.years ?? [];
  // the latest year with data (that of the model's as-of date), not the calendar's next year
  const latestYear = catalog?.latestReportDate?.slice(0, 4);
  choice.year ||= years.includes(latestYear) ? latestYear : (years[years.length - 1] ?? '');
  options(document.getElementById('year'), years.map((y) => [y, y]), choice.year);
  const cityUser = context.me?.scope === 'city';
  const districts = catalog?.dimensions?.find((d) => d.code === 'district')?.members ?? [];
  options(document.getElementById('district'), cityUser
    ? [['', t({ zh: '全市', en: 'Whole city' })], ...districts.map((d) => [d.code, context.language === 'en' ? d.nameEn : d.nameZh])]
    : [[context.me?.scope ?? '', names?.name('district', context.me?.scope, context.language) ?? '']], choice.district);
  options(document.getElementById('format'), kind.formats.map((f) => [f, f === 'docx' ? 'Word (DOCX)' : 'Excel (XLSX)']), choice.format);
  document.getElementById('year-field').hidden = choice.kind !== 'annual';
  document.getElementById('month-field').hidden = choice.kind !== 'monthly';
  if (!choice.month && catalog?.latestReportDate) {
    choice.month = catalog.latestReportDate.slice(0, 7);
  }
  monthField.value = choice.month;
  const params = { format: choice.format, district: cityUser ? choice.district : undefined };
  if (choice.kind === 'annual') {
    params.year = choice.year;
  }
  if (choice.kind === 'monthly') {
    params.month = choice.month;
  }
  const link = document.getElementById('download');
  link.href = `/api/v1/reports/${choice.kind}${queryString(params)}`;
  remember();
  link.textContent = t({ zh: '下载报告', en: 'Download the report' });
  document.getElementById('report-note').textContent = t({
    zh: '报告中的每个数字都取自当前模型版本的指标定义，文件注明所用模型版本；生成大约需要几秒。',
    en: 'Every number comes from the figure definitions of the current model version, which the file states; writing takes a few seconds.',
  });
}

for (const id of ['kind', 'year', 'district', 'format']) {
  document.getElementById(id).addEventListener('change', (event) => {
    choice[id] = event.target.value;
    draw();
  });
}
document.getElementById('report-form').addEventListener('submit', (event) => event.preventDefault());

await whenSettled([api.catalog().then((answer) => { catalog = answer; }, () => { catalog = null; }),
  loadNames().then((answer) => { names = answer; })], draw);
