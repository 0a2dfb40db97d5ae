// 隐患清单 The hazards behind a figure: filtered like the charts (the URL carries the cell a chart was clicked on),
// in a state (found, open, overdue, ...), searchable, sortable by column, paged, exportable as XLSX or CSV.
import { api, queryString } from './api.js';
import { FilterBar } from './filters.js';
import { fillTable } from './format.js';
import { hazardLink } from './hazardlink.js';
import { loadNames } from './names.js';
import { describeError, pageLink, startPage, tr, whenSettled } from './page.js';

const STATES = [
  { code: 'all', zh: '全部隐患', en: 'All hazards' },
  { code: 'found', zh: '期间内发现', en: 'Found in the period' },
  { code: 'major_found', zh: '期间内发现的重大隐患', en: 'Major found in the period' },
  { code: 'rectified', zh: '期间内发现且已整改', en: 'Found and rectified' },
  { code: 'open', zh: '截至日期未整改', en: 'Open at the as-of date' },
  { code: 'overdue', zh: '超期未整改', en: 'Overdue' },
  { code: 'major_open', zh: '重大隐患未整改', en: 'Major open' },
  { code: 'legacy_major_open', zh: '存量重大隐患未整改', en: 'Legacy major open' },
];
const SIZE = 50;

const url = new URL(location.href);
const list = {
  state: STATES.some((s) => s.code === url.searchParams.get('state')) ? url.searchParams.get('state') : 'all',
  q: url.searchParams.get('q') ?? '',
  sort: url.searchParams.get('sort') ?? 'found_date',
  order: url.searchParams.get('order') === 'asc' ? 'asc' : 'desc',
  page: Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1),
  school: url.searchParams.get('school') ?? '',
  // 督办: only hazards listed for supervision
  supervised: url.searchParams.get('supervised') === 'true',
};

const context = await startPage({
  title: { zh: '校安 · 隐患清单', en: 'xiaoan · Hazards' },
  active: 'hazards.html',
  onLanguage: () => { filters.setLanguage(context.language); load(); },
  share: true,
});
let catalog = null;
try {
  catalog = await api.catalog();
} catch {
  catalog = null;
}
const names = await loadNames(catalog);
const filters = new FilterBar(document.getElementById('filters'), catalog, {
  dimensions: [...(context.me?.scope === 'city' ? ['district'] : []), 'category', 'severity', 'school_type', 'boarding',
    'inspection_type'],
  language: context.language,
  onChange: () => { list.page = 1; load(); },
});

function t(text) {
  return tr(text, context.language);
}

function remember() {
  const next = new URL(location.href);
  for (const [key, value] of Object.entries(list)) {
    if (value && !(key === 'page' && value === 1)) {
      next.searchParams.set(key, value);
    } else {
      next.searchParams.delete(key);
    }
  }
  history.replaceState(null, '', next);
}

function params() {
  return { ...filters.params(), state: list.state, q: list.q, sort: list.sort, order: list.order, page: list.page,
    size: SIZE, school: list.school, supervised: list.supervised ? 'true' : undefined };
}

function name(kind, code) {
  return names.name(kind, code, context.language);
}

/**
 * What the total counts, in words: a state tied to the period (found, rectified) counts hazards found in it; one tied
 * to the as-of date (open, overdue) counts those open then; 全部 counts every hazard whatever its date (the filters
 * still apply).
 */
function describeTotal(page) {
  const state = STATES.find((s) => s.code === page.state) ?? STATES[0];
  const { from, to } = page.period;
  const count = page.total.toLocaleString(context.language === 'en' ? 'en-GB' : 'zh-CN');
  switch (page.state) {
    case 'all':
      return t({ zh: `全部隐患共 ${count} 项（不限发现日期，不受统计期限制；超期天数按截至 ${page.asOf} 计算）`,
        en: `${count} hazards in all, whatever their found date and the period (days overdue as of ${page.asOf})` });
    case 'found':
    case 'major_found':
      return t({ zh: `${from} 至 ${to} 发现的${state.code === 'major_found' ? '重大' : ''}隐患共 ${count} 项`,
        en: `${count} ${state.code === 'major_found' ? 'major ' : ''}hazards found from ${from} to ${to}` });
    case 'rectified':
      return t({ zh: `${from} 至 ${to} 发现、截至 ${page.asOf} 已整改的隐患共 ${count} 项`,
        en: `${count} hazards found from ${from} to ${to} and rectified by ${page.asOf}` });
    default: {
      const what = {
        open: { zh: '未整改的隐患', en: 'open hazards' },
        overdue: { zh: '超期未整改的隐患', en: 'overdue hazards' },
        major_open: { zh: '未整改的重大隐患', en: 'open major hazards' },
        legacy_major_open: { zh: '未整改的存量重大隐患', en: 'open legacy major hazards' },
      }[page.state] ?? { zh: state.zh, en: state.en };
      return t({ zh: `截至 ${page.asOf} ${what.zh}共 ${count} 项`, en: `${count} ${what.en} as of ${page.asOf}` });
    }
  }
}

function drawControls() {
  document.getElementById('state-label').textContent = t({ zh: '隐患范围', en: 'Hazards' });
  document.getElementById('q-label').textContent = t({ zh: '搜索（学校、编号、描述、部位）', en: 'Search (school, id, description, location)' });
  const select = document.getElementById('state');
  select.replaceChildren(...STATES.map((s) => {
    const option = document.createElement('option');
    option.value = s.code;
    option.textContent = tr(s, context.language);
    option.selected = s.code === list.state;
    return option;
  }));
  document.getElementById('q').value = list.q;
  const exportParams = { ...params(), page: undefined, size: undefined };
  document.getElementById('export-xlsx').href = `/api/v1/hazards${queryString({ ...exportParams, format: 'xlsx' })}`;
  document.getElementById('export-csv').href = `/api/v1/hazards${queryString({ ...exportParams, format: 'csv' })}`;
  document.getElementById('export-xlsx').textContent = t({ zh: '导出 XLSX', en: 'Export XLSX' });
  document.getElementById('export-csv').textContent = t({ zh: '导出 CSV', en: 'Export CSV' });
  document.getElementById('supervised-label').textContent = t({ zh: '仅挂牌督办', en: 'Listed for supervision only' });
  document.getElementById('supervised').checked = list.supervised;
  // the 整改责任清单 of the same districts and listing (hazards open at the as-of date)
  const district = filters.params().filter.find((f) => f.startsWith('district='))?.slice('district='.length);
  const duty = document.getElementById('export-duty');
  duty.href = `/api/v1/exports/responsibility-list${queryString({ district, asOf: filters.params().asOf,
    supervised: list.supervised ? 'true' : undefined, lang: context.language === 'en' ? 'en' : undefined })}`;
  duty.textContent = t({ zh: '导出整改责任清单', en: 'Export responsibility list' });
  document.getElementById('previous').textContent = t({ zh: '上一页', en: 'Previous' });
  document.getElementById('next').textContent = t({ zh: '下一页', en: 'Next' });
}

document.getElementById('state').addEventListener('change', (event) => {
  list.state = event.target.value;
  list.page = 1;
  load();
});
let typing = null;
document.getElementById('q').addEventListener('input', (event) => {
  clearTimeout(typing);
  typing = setTimeout(() => { list.q = event.target.value.trim(); list.page = 1; load(); }, 300);
});
document.getElementById('supervised').addEventListener('change', (event) => {
  list.supervised = event.target.checked;
  list.page = 1;
  load();
});
document.getElementById('list-controls').addEventListener('submit', (event) => event.preventDefault());
document.getElementById('previous').addEventListener('click', () => { list.page -= 1; load(); });
document.getElementById('next').addEventListener('click', () => { list.page += 1; load(); });

function sortButton(key, label) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'sort';
  button.dataset.sort = key;
  const arrow = list.sort === key ? (list.order === 'asc' ? ' ▲' : ' ▼') : '';
  button.textContent = label + arrow;
  button.setAttribute('aria-label', `${label} ${t({ zh: '排序', en: 'sort' })}`);
  button.addEventListener('click', () => {
    list.order = list.sort === key && list.order === 'desc' ? 'asc' : 'desc';
    list.sort = key;
    list.page = 1;
    load();
  });
  return button;
}

async function load() {
  delete document.body.dataset.ready;
  remember();
  drawControls();
  const status = document.getElementById('list-status');
  status.textContent = t({ zh: '正在加载…', en: 'Loading…' });
  status.classList.remove('error');
  const done = api.hazards(params()).then((page) => draw(page), (error) => {
    document.getElementById('hazards').replaceChildren();
    document.getElementById('total').textContent = '';
    status.textContent = describeError(error, context.language);
    status.classList.add('error');
  });
  whenSettled([done]);
}

function draw(page) {
  const total = document.getElementById('total');
  total.dataset.total = String(page.total);
  total.textContent = describeTotal(page);
  filters.showDefaults({ from: page.period.from, to: page.period.to, asOf: page.asOf });
  document.getElementById('page-info').textContent = t({ zh: `第 ${page.page} / ${Math.max(1, page.pages)} 页`,
    en: `Page ${page.page} of ${Math.max(1, page.pages)}` });
  document.getElementById('previous').disabled = page.page <= 1;
  document.getElementById('next').disabled = page.page >= page.pages;
  document.getElementById('list-status').textContent = page.total === 0
    ? t({ zh: '没有符合条件的隐患。', en: 'No hazard matches.' }) : '';
  const table = fillTable(document.getElementById('hazards'), [
    { key: 'hazardId', label: t({ zh: '隐患编号', en: 'Hazard id' }), format: (row) => hazardLink(row, context.language) },
    { key: 'schoolName', label: t({ zh: '学校', en: 'School' }), format: (row) => {
      const link = document.createElement('a');
      link.href = pageLink('school.html', { code: row.schoolCode, asOf: page.asOf }, context.language);
      link.textContent = row.schoolName;
      return link;
    } },
    { key: 'districtCode', label: t({ zh: '县区', en: 'District' }), format: (row) => name('district', row.districtCode) },
    { key: 'category', label: t({ zh: '类别', en: 'Category' }), format: (row) => name('category', row.category) },
    { key: 'severity', label: t({ zh: '等级', en: 'Severity' }), format: (row) => name('severity', row.severity) },
    { key: 'foundDate', label: t({ zh: '发现日期', en: 'Found' }) },
    { key: 'deadline', label: t({ zh: '整改期限', en: 'Deadline' }) },
    { key: 'status', label: t({ zh: '状态', en: 'Status' }), format: (row) => name('status', row.status) },
    { key: 'daysOverdue', label: t({ zh: '超期天数', en: 'Days overdue' }), numeric: true },
    { key: 'responsiblePerson', label: t({ zh: '责任人', en: 'Responsible' }) },
    { key: 'supervised', label: t({ zh: '督办', en: 'Supervision' }),
      format: (row) => (row.supervised ? t({ zh: '挂牌督办', en: 'Listed' }) : '') },
  ], page.items, { rowKey: (row) => `${row.schoolCode}/${row.hazardId}` });
  // sortable headers: found date, deadline, days overdue, severity, district, school
  const sortable = { foundDate: 'found_date', deadline: 'deadline', daysOverdue: 'days_overdue', severity: 'severity',
    districtCode: 'district', schoolName: 'school' };
  const keys = ['hazardId', 'schoolName', 'districtCode', 'category', 'severity', 'foundDate', 'deadline', 'status',
    'daysOverdue', 'responsiblePerson', 'supervised'];
  table.querySelectorAll('thead th').forEach((th, i) => {
    const sort = sortable[keys[i]];
    if (sort) {
      const label = th.textContent;
      th.replaceChildren(sortButton(sort, label));
      th.setAttribute('aria-sort', list.sort === sort ? (list.order === 'asc' ? 'ascending' : 'descending') : 'none');
    }
  });
}

load();
