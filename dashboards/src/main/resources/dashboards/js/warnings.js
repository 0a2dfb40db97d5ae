// 预警 The warning lists at the as-of date: overdue hazards, open MAJOR hazards without temporary measures,
// schools that sent no ledger this month, schools whose self-inspection finds far less than supervision, hazards
// rectified and not signed off, open MAJOR hazards without a deadline or a responsible unit. Each list shows its
// total and one page (the most urgent rows first); its pager asks /api/v1/warnings/{list} for the next or previous.
import { api } from './api.js';
import { fillTable } from './format.js';
import { hazardLink } from './hazardlink.js';
import { loadNames } from './names.js';
import { asOfField, describeError, pageLink, startPage, tr, whenSettled } from './page.js';

let asOf = '';
let report = null;
let failure = null;

// each list of the page: its element ids' key, its field in the report, its code in /api/v1/warnings/{list}
const LISTS = [
  { key: 'overdue', field: 'overdueHazards', code: 'overdue_hazards' },
  { key: 'major', field: 'majorWithoutMeasures', code: 'major_without_measures' },
  { key: 'silent', field: 'silentSchools', code: 'silent_schools' },
  { key: 'weak', field: 'weakSelfInspection', code: 'weak_self_inspection' },
  { key: 'unclosed', field: 'rectifiedNotClosed', code: 'rectified_not_closed' },
  { key: 'no-deadline', field: 'majorWithoutDeadline', code: 'major_without_deadline' },
  { key: 'no-unit', field: 'majorWithoutResponsibleUnit', code: 'major_without_responsible_unit' },
];
// the page each list shows ({ total, offset, limit, rows }) and a failed page turn, by key
let pages = {};
let turnFailures = {};

const context = await startPage({
  title: { zh: '校安 · 预警', en: 'xiaoan · Warnings' },
  active: 'warnings.html',
  onLanguage: () => { asOfInput.setLanguage(context.language); draw(); },
  share: true,
});
const names = await loadNames();

function t(text) {
  return tr(text, context.language);
}

const asOfInput = asOfField(document.getElementById('as-of'), context.language, (value) => { asOf = value; load(); });
asOf = asOfInput.value;

function named(kind, key) {
  return (row) => names.name(kind, row[key], context.language);
}

function schoolLink(row) {
  const link = document.createElement('a');
  link.href = pageLink('school.html', { code: row.schoolCode, asOf: report?.asOf }, context.language);
  link.textContent = row.schoolName ?? row.schoolCode;
  return link;
}

function hazardColumns(withDays) {
  return [
    { key: 'hazardId', label: t({ zh: '隐患编号', en: 'Hazard id' }), format: (row) => hazardLink(row, context.language) },
    { key: 'schoolName', label: t({ zh: '学校', en: 'School' }), format: schoolLink },
    { key: 'districtCode', label: t({ zh: '县区', en: 'District' }), format: named('district', 'districtCode') },
    { key: 'category', label: t({ zh: '类别', en: 'Category' }), format: named('category', 'category') },
    { key: 'severity', label: t({ zh: '等级', en: 'Severity' }), format: named('severity', 'severity') },
    { key: 'foundDate', label: t({ zh: '发现日期', en: 'Found' }) },
    { key: 'deadline', label: t({ zh: '整改期限', en: 'Deadline' }) },
    ...(withDays ? [{ key: 'daysOverdue', label: t({ zh: '超期天数', en: 'Days overdue' }), numeric: true }] : []),
    { key: 'responsiblePerson', label: t({ zh: '责任人', en: 'Responsible' }) },
  ];
}

function draw() {
  document.getElementById('as-of-label').textContent = t({ zh: '截至日期', en: 'As of' });
  const status = document.getElementById('warnings-status');
  const captions = {
    overdue: t({ zh: '超期未整改隐患', en: 'Overdue hazards' }),
    major: t({ zh: '未落实临时管控措施的重大隐患', en: 'Open major hazards without temporary measures' }),
    silent: t({ zh: '本月未报送台账的学校', en: 'Schools with no ledger this month' }),
    weak: t({ zh: '自查发现明显少于督查的学校', en: 'Schools whose self-inspection finds far less than supervision' }),
    unclosed: t({ zh: `整改后 ${report?.signOffDays ?? 30} 天以上未销号的隐患`,
      en: `Hazards rectified ${report?.signOffDays ?? 30}+ days ago and not signed off` }),
    'no-deadline': t({ zh: '未明确整改时限的重大隐患', en: 'Open major hazards without a deadline' }),
    'no-unit': t({ zh: '未明确整改责任单位的重大隐患', en: 'Open major hazards without a responsible unit' }),
  };
  if (failure) {
    status.textContent = describeError(failure, context.language);
    status.classList.add('error');
    return;
  }
  if (!report) {
    status.textContent = t({ zh: '正在加载…', en: 'Loading…' });
    return;
  }
  asOfInput.setDefault(report.asOf);
  status.textContent = t({ zh: `截至 ${report.asOf}；报送月份 ${report.submissionMonth}；模型版本 v${report.modelVersion.version}`,
    en: `As of ${report.asOf}; submission month ${report.submissionMonth}; model v${report.modelVersion.version}` });
  const lists = {};
  for (const { key } of LISTS) {
    const page = pages[key];
    lists[key] = page.rows;
    const caption = document.getElementById(`${key}-caption`);
    caption.textContent = `${captions[key]}（${page.total}）`;
    caption.dataset.count = String(page.total);
    drawPager(key, page);
  }
  fillTable(document.getElementById('overdue'), hazardColumns(true), lists.overdue, { rowKey: (r) => r.hazardId });
  fillTable(document.getElementById('major'), hazardColumns(false), lists.major, { rowKey: (r) => r.hazardId });
  fillTable(document.getElementById('silent'), [
    { key: 'schoolName', label: t({ zh: '学校', en: 'School' }), format: schoolLink },
    { key: 'districtCode', label: t({ zh: '县区', en: 'District' }), format: named('district', 'districtCode') },
    { key: 'schoolType', label: t({ zh: '学校类型', en: 'School type' }), format: named('school_type', 'schoolType') },
    { key: 'lastReportDate', label: t({ zh: '最近报送', en: 'Last report' }) },
  ], lists.silent, { rowKey: (r) => r.schoolCode });
  fillTable(document.getElementById('weak'), [
    { key: 'schoolName', label: t({ zh: '学校', en: 'School' }), format: schoolLink },
    { key: 'districtCode', label: t({ zh: '县区', en: 'District' }), format: named('district', 'districtCode') },
    { key: 'selfFound', label: t({ zh: '自查发现', en: 'Self-inspection found' }), numeric: true },
    { key: 'supervisionFound', label: t({ zh: '督查发现', en: 'Supervision found' }), numeric: true },
  ], lists.weak, { rowKey: (r) => r.schoolCode });
  fillTable(document.getElementById('unclosed'), [
    { key: 'hazardId', label: t({ zh: '隐患编号', en: 'Hazard id' }), format: (row) => hazardLink(row, context.language) },
    { key: 'schoolName', label: t({ zh: '学校', en: 'School' }), format: schoolLink },
    { key: 'districtCode', label: t({ zh: '县区', en: 'District' }), format: named('district', 'districtCode') },
    { key: 'severity', label: t({ zh: '等级', en: 'Severity' }), format: named('severity', 'severity') },
    { key: 'rectifiedDate', label: t({ zh: '整改完成日期', en: 'Rectified' }) },
    { key: 'daysSinceRectified', label: t({ zh: '已等待天数', en: 'Days waiting' }), numeric: true },
    { key: 'responsiblePerson', label: t({ zh: '责任人', en: 'Responsible' }) },
  ], lists.unclosed, { rowKey: (r) => `${r.schoolCode}/${r.hazardId}` });
  document.getElementById('no-deadline-note').textContent = t({
    zh: '无整改期限的隐患永不计为超期，也不计入按期整改率：这些重大隐患在按期整改率中缺席，须补填期限。',
    en: 'A hazard without a deadline is never overdue and is left out of the on-time rate: these major hazards are '
      + 'missing from it until a deadline is set.' });
  fillTable(document.getElementById('no-deadline'), gapColumns(), lists['no-deadline'],
    { rowKey: (r) => `${r.schoolCode}/${r.hazardId}` });
  fillTable(document.getElementById('no-unit'), gapColumns(), lists['no-unit'],
    { rowKey: (r) => `${r.schoolCode}/${r.hazardId}` });
}

// open MAJOR hazards missing a deadline or a responsible unit (整改时限、责任单位)
function gapColumns() {
  return [
    { key: 'hazardId', label: t({ zh: '隐患编号', en: 'Hazard id' }), format: (row) => hazardLink(row, context.language) },
    { key: 'schoolName', label: t({ zh: '学校', en: 'School' }), format: schoolLink },
    { key: 'districtCode', label: t({ zh: '县区', en: 'District' }), format: named('district', 'districtCode') },
    { key: 'category', label: t({ zh: '类别', en: 'Category' }), format: named('category', 'category') },
    { key: 'foundDate', label: t({ zh: '发现日期', en: 'Found' }) },
    { key: 'daysOpen', label: t({ zh: '已发现天数', en: 'Days open' }), numeric: true },
    { key: 'deadline', label: t({ zh: '整改期限', en: 'Deadline' }) },
    { key: 'responsibleUnit', label: t({ zh: '责任单位', en: 'Responsible unit' }) },
    { key: 'responsiblePerson', label: t({ zh: '责任人', en: 'Responsible' }) },
    { key: 'supervised', label: t({ zh: '督办', en: 'Supervised' }),
      format: (row) => (row.supervised ? t({ zh: '挂牌督办', en: 'Listed' }) : '') },
  ];
}

// "rows 51–100 of 75520" and the previous / next buttons of one list; hidden when one page holds the whole list
function drawPager(key, page) {
  const pager = document.getElementById(`${key}-pager`);
  pager.hidden = page.offset === 0 && page.rows.length >= page.total && !turnFailures[key];
  const [previous, next] = pager.querySelectorAll('button');
  previous.textContent = t({ zh: '上一页', en: 'Previous' });
  next.textContent = t({ zh: '下一页', en: 'Next' });
  previous.disabled = page.offset === 0;
  next.disabled = page.offset + page.rows.length >= page.total;
  const info = pager.querySelector('.page-info');
  const first = page.rows.length === 0 ? page.offset : page.offset + 1;
  const last = page.offset + page.rows.length;
  info.classList.toggle('error', Boolean(turnFailures[key]));
  info.textContent = turnFailures[key]
    ? describeError(turnFailures[key], context.language)
    : t({ zh: `第 ${first}–${last} 条，共 ${page.total} 条`, en: `Rows ${first}–${last} of ${page.total}` });
}

// the previous (step -1) or next (step 1) page of one list, for the same question as the report
function turn(list, step) {
  const current = pages[list.key];
  const offset = Math.max(0, current.offset + step * current.limit);
  delete document.body.dataset.ready;
  const params = { asOf: report.asOf, from: report.period.from, to: report.period.to, offset, limit: current.limit };
  whenSettled([api.warningList(list.code, params).then(
    (answer) => { pages[list.key] = answer; delete turnFailures[list.key]; },
    (error) => { turnFailures[list.key] = error; })], draw);
}

for (const list of LISTS) {
  for (const button of document.getElementById(`${list.key}-pager`).querySelectorAll('button')) {
    button.addEventListener('click', () => turn(list, Number(button.dataset.step)));
  }
}

async function load() {
  delete document.body.dataset.ready;
  report = null;
  failure = null;
  pages = {};
  turnFailures = {};
  draw();
  await whenSettled([api.warnings({ asOf: asOf || undefined })
    .then((answer) => {
      report = answer;
      pages = Object.fromEntries(LISTS.map(({ key, field }) => [key, answer[field]]));
    }, (error) => { failure = error; })], draw);
}

load();
