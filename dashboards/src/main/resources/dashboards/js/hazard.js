// 隐患 One hazard's page: its current state, the timeline read from every ledger snapshot that reported it (found,
// each report, status and deadline changes, rectified, closed) and the batches (files) those snapshots came from.
import { api } from './api.js';
import { fillTable } from './format.js';
import { describeError, pageLink, startPage, tr, whenSettled } from './page.js';

const url = new URL(location.href);
const school = url.searchParams.get('school') ?? '';
const id = url.searchParams.get('id') ?? '';
let answer = null;
let failure = null;

const context = await startPage({
  title: { zh: '校安 · 隐患', en: 'xiaoan · Hazard' },
  active: '',
  onLanguage: () => draw(),
  share: true,
});

function t(text) {
  return tr(text, context.language);
}

function named(value) {
  if (!value) {
    return '';
  }
  return context.language === 'en' ? value.nameEn : value.nameZh;
}

function change(event) {
  return event.from || event.to ? `${named(event.from)} → ${named(event.to)}` : '';
}

// 督办 as the ledger states it: listed (by whom, since when), not listed, or not stated
function supervision(hazard) {
  if (hazard.supervised === null || hazard.supervised === undefined) {
    return null;
  }
  if (!hazard.supervised) {
    return t({ zh: '否', en: 'No' });
  }
  const details = [hazard.supervisedBy, hazard.supervisedDate].filter((v) => v).join('，');
  return t({ zh: `挂牌督办${details ? `（${details}）` : ''}`, en: `Listed for supervision${details ? ` (${details})` : ''}` });
}

function draw() {
  document.getElementById('timeline-caption').textContent = t({ zh: '时间线', en: 'Timeline' });
  document.getElementById('snapshots-caption').textContent = t({ zh: '历次上报（台账快照）', en: 'Every report (ledger snapshots)' });
  const status = document.getElementById('hazard-status');
  if (failure) {
    status.textContent = failure.code === 'unknown_hazard'
      ? t({ zh: `找不到隐患 ${id}（或不在您的辖区内）。`, en: `No hazard ${id} (or outside your scope).` })
      : describeError(failure, context.language);
    status.classList.add('error');
    return;
  }
  if (!answer) {
    status.textContent = t({ zh: '正在加载…', en: 'Loading…' });
    return;
  }
  status.textContent = '';
  const hazard = answer.hazard;
  document.getElementById('hazard-title').textContent = t({
    zh: `隐患 ${hazard.hazardId} · ${hazard.schoolName}`, en: `Hazard ${hazard.hazardId} · ${hazard.schoolName}` });
  document.title = `${t({ zh: '校安', en: 'xiaoan' })} · ${hazard.schoolName} · ${hazard.hazardId}`;
  document.getElementById('page-title').textContent = document.title;
  const info = document.getElementById('hazard-info');
  const schoolLink = document.createElement('a');
  schoolLink.href = pageLink('school.html', { code: hazard.schoolCode }, context.language);
  schoolLink.textContent = t({ zh: '学校页面', en: 'School page' });
  info.replaceChildren(t({
    zh: `${named(hazard.district)} · ${hazard.schoolName} · 模型版本 v${answer.modelVersion.version} · `,
    en: `${named(hazard.district)} · ${hazard.schoolName} · model v${answer.modelVersion.version} · ` }), schoolLink);
  const rows = [
    [{ zh: '隐患描述', en: 'Description' }, hazard.description],
    [{ zh: '隐患部位', en: 'Location' }, hazard.location],
    [{ zh: '隐患类别', en: 'Category' }, named(hazard.category)],
    [{ zh: '隐患等级', en: 'Severity' }, named(hazard.severity)],
    [{ zh: '检查方式', en: 'Inspection type' }, named(hazard.inspectionType)],
    [{ zh: '当前状态', en: 'Current status' }, named(hazard.status)],
    [{ zh: '发现日期', en: 'Found' }, hazard.foundDate],
    [{ zh: '整改期限', en: 'Deadline' }, hazard.deadline],
    [{ zh: '整改完成日期', en: 'Rectified' }, hazard.rectifiedDate],
    [{ zh: '销号日期', en: 'Closed (signed off)' }, hazard.closedDate],
    [{ zh: '整改责任单位', en: 'Responsible unit' }, hazard.responsibleUnit ?? t({ zh: '未明确', en: 'not named' })],
    [{ zh: '整改责任人', en: 'Responsible' }, hazard.responsiblePerson],
    [{ zh: '督办', en: 'Supervision' }, supervision(hazard)],
    [{ zh: '整改措施', en: 'Measures' }, hazard.measures],
    [{ zh: '临时防范措施', en: 'Temporary measures' }, hazard.temporaryMeasures],
  ];
  fillTable(document.getElementById('hazard-state'), [
    { key: 'label', label: t({ zh: '项目', en: 'Item' }) },
    { key: 'value', label: t({ zh: '内容', en: 'Value' }) },
  ], rows.map(([label, value]) => ({ label: t(label), value: value ?? '—' })));
  const batches = new Map(answer.snapshots.map((s) => [s.batchId, s]));
  fillTable(document.getElementById('timeline'), [
    { key: 'date', label: t({ zh: '日期', en: 'Date' }) },
    { key: 'kind', label: t({ zh: '事件', en: 'Event' }), format: (e) => t({ zh: e.kindZh, en: e.kindEn }) },
    { key: 'change', label: t({ zh: '变化', en: 'Change' }), format: change },
    { key: 'batchId', label: t({ zh: '来源文件', en: 'From file' }),
      format: (e) => (e.batchId === null ? '' : t({
        zh: `${batches.get(e.batchId)?.fileName ?? ''}（批次 ${e.batchId}）`,
        en: `${batches.get(e.batchId)?.fileName ?? ''} (batch ${e.batchId})` })) },
  ], answer.events, { rowKey: (e) => `${e.date}/${e.kind}/${e.batchId ?? ''}` });
  fillTable(document.getElementById('snapshots'), [
    { key: 'number', label: t({ zh: '序号', en: 'No.' }), numeric: true },
    { key: 'reportDate', label: t({ zh: '填报日期', en: 'Report date' }) },
    { key: 'ingestedAt', label: t({ zh: '导入时间（UTC）', en: 'Ingested (UTC)' }) },
    { key: 'fileName', label: t({ zh: '文件', en: 'File' }),
      format: (s) => t({ zh: `${s.fileName ?? ''}（批次 ${s.batchId}）`, en: `${s.fileName ?? ''} (batch ${s.batchId})` }) },
    { key: 'status', label: t({ zh: '状态', en: 'Status' }), format: (s) => named(s.status) },
    { key: 'deadline', label: t({ zh: '整改期限', en: 'Deadline' }) },
    { key: 'rectifiedDate', label: t({ zh: '整改完成', en: 'Rectified' }) },
    { key: 'closedDate', label: t({ zh: '销号', en: 'Closed' }) },
    { key: 'responsiblePerson', label: t({ zh: '责任人', en: 'Responsible' }) },
    { key: 'measures', label: t({ zh: '整改措施', en: 'Measures' }) },
  ], answer.snapshots, { rowKey: (s) => String(s.batchId) });
}

draw();
whenSettled([api.hazard(school, id).then((body) => { answer = body; }, (error) => { failure = error; })
  .then(draw)]);
