// 数据报送 Data submission for clerks: upload a ledger (or register, inspections, surveys, drills) with progress, read the
// batch summary, see every rejected row with its reason and download the reject file, and list past batches.
import { api, uploadFile } from './api.js';
import { fillTable } from './format.js';
import { describeError, mayUse, startPage, tr, whenSettled } from './page.js';

const DATASETS = {
  ledger: { zh: '隐患台账', en: 'Hazard ledger' },
  schools: { zh: '学校名册', en: 'School register' },
  inspections: { zh: '检查记录', en: 'Inspection log' },
  surveys: { zh: '安防设施调查', en: 'Facility surveys' },
  drills: { zh: '应急演练', en: 'Drills' },
};
const context = await startPage({
  title: { zh: '校安 · 数据报送', en: 'xiaoan · Data submission' },
  active: 'upload.html',
  onLanguage: () => { drawChrome(); loadBatches(); },
});
const status = document.getElementById('upload-status');

function t(text) {
  return tr(text, context.language);
}

function drawChrome() {
  document.getElementById('upload-caption').textContent = t({ zh: '上传文件（XLSX、CSV 或 JSON）', en: 'Upload a file (XLSX, CSV or JSON)' });
  document.getElementById('dataset-label').textContent = t({ zh: '数据类型', en: 'Dataset' });
  document.getElementById('file-label').textContent = t({ zh: '文件', en: 'File' });
  document.getElementById('submit-upload').textContent = t({ zh: '上传', en: 'Upload' });
  document.getElementById('batches-caption').textContent = t({ zh: '已报送批次', en: 'Past batches' });
  for (const option of document.getElementById('dataset').options) {
    option.textContent = t(DATASETS[option.value]);
  }
  drawTemplateLinks();
}

// Blank workbooks from GET /api/v1/templates/{dataset}.xlsx: the headers ingest reads, drop-down lists, the clerk's schools.
function drawTemplateLinks() {
  const links = document.getElementById('template-links');
  const items = Object.entries(DATASETS).map(([dataset, name]) => {
    const link = document.createElement('a');
    link.href = `/api/v1/templates/${dataset}.xlsx`;
    link.download = '';
    link.dataset.dataset = dataset;
    link.textContent = t(name);
    return link;
  });
  links.replaceChildren(t({ zh: '下载导入模板（含填表说明和下拉选项）：', en: 'Download a blank template (with instructions and drop-down lists): ' }));
  items.forEach((link, index) => links.append(...(index > 0 ? [' · ', link] : [link])));
}

async function showBatch(batchId) {
  const detail = await api.batch(batchId);
  fillTable(document.getElementById('rejects'), [
    { key: 'row', label: t({ zh: '行号', en: 'Row' }), numeric: true },
    { key: 'sheet', label: t({ zh: '工作表', en: 'Sheet' }) },
    { key: 'column', label: t({ zh: '列', en: 'Column' }) },
    { key: 'value', label: t({ zh: '值', en: 'Value' }) },
    { key: 'reason', label: t({ zh: '原因', en: 'Reason' }), format: (row) => (context.language === 'en' ? row.reasonEn : row.reasonZh) },
    { key: 'fix', label: t({ zh: '如何修改', en: 'What to change' }), format: (row) => (context.language === 'en' ? row.fixEn : row.fixZh) },
  ], detail.rejectedRows, { rowKey: (row) => `${row.row}/${row.column}` });
  const link = document.getElementById('rejects-link');
  if (detail.batch.rejectsUrl) {
    link.hidden = false;
    link.href = detail.batch.rejectsUrl;
    link.textContent = t({ zh: `下载全部 ${detail.batch.rejected} 条被拒行（CSV）`, en: `Download all ${detail.batch.rejected} rejected rows (CSV)` });
  } else {
    link.hidden = true;
  }
}

document.getElementById('upload-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const file = document.getElementById('file').files[0];
  if (!file) {
    status.textContent = t({ zh: '请先选择文件。', en: 'Choose a file first.' });
    return;
  }
  delete document.body.dataset.ready;
  const progress = document.getElementById('progress');
  progress.hidden = false;
  progress.value = 0;
  status.classList.remove('error');
  status.textContent = t({ zh: '正在上传…', en: 'Uploading…' });
  document.getElementById('submit-upload').disabled = true;
  await whenSettled([uploadFile(document.getElementById('dataset').value, file, (share) => { progress.value = share; })
    .then(async (summary) => {
      progress.value = 1;
      status.dataset.batch = String(summary.batchId);
      status.dataset.rejected = String(summary.rejected);
      status.textContent = summary.sameRowsAs
        ? t({ zh: `与批次 ${summary.sameRowsAs} 文件相同，已记为填报日期 ${summary.reportDate} 的报送（批次 ${summary.batchId}），数据未重复存储。`,
          en: `Same file as batch ${summary.sameRowsAs}: recorded as the submission for ${summary.reportDate} (batch ${summary.batchId}), no rows stored again.` })
        : summary.alreadyIngested
        ? t({ zh: `该文件已于批次 ${summary.batchId} 报送过，未重复计入。`, en: `Already ingested as batch ${summary.batchId}; nothing counted twice.` })
        : t({ zh: `批次 ${summary.batchId}：读取 ${summary.read} 行，接收 ${summary.accepted} 行，拒收 ${summary.rejected} 行，警告 ${summary.warned} 行。`,
          en: `Batch ${summary.batchId}: read ${summary.read}, accepted ${summary.accepted}, rejected ${summary.rejected}, warned ${summary.warned}.` });
      await showBatch(summary.batchId);
      await loadBatches();
    }, (error) => {
      status.classList.add('error');
      status.textContent = error.code === 'network' ? describeError(error, context.language)
        : `${error.message}${error.requestId ? ` [${error.requestId}]` : ''}`;
    })]);
  document.getElementById('submit-upload').disabled = false;
});

// A clerk may withdraw the latest batch they sent; an administrator any batch. The server checks the rule.
function mayWithdraw(row) {
  const me = context.me;
  return !row.withdrawn && me && (me.role === 'ADMIN' || (mayUse(me, 'CLERK') && row.submittedBy === me.username));
}

function batchState(row) {
  if (row.withdrawn) {
    const badge = document.createElement('span');
    badge.className = 'badge WITHDRAWN';
    badge.textContent = t({ zh: '已撤回', en: 'Withdrawn' });
    const note = document.createElement('span');
    note.className = 'withdrawal';
    note.textContent = ` ${row.withdrawnBy} · ${row.withdrawnAt.slice(0, 16).replace('T', ' ')} · ${row.withdrawalReason}`;
    const cell = document.createElement('span');
    cell.append(badge, note);
    return cell;
  }
  const cell = document.createElement('span');
  if (row.sameRowsAs) {
    cell.textContent = t({ zh: `同批次 ${row.sameRowsAs} 数据`, en: `Same rows as batch ${row.sameRowsAs}` });
  }
  if (mayWithdraw(row)) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'withdraw';
    button.textContent = t({ zh: '撤回', en: 'Withdraw' });
    button.setAttribute('aria-label', t({ zh: `撤回批次 ${row.batchId}`, en: `Withdraw batch ${row.batchId}` }));
    button.addEventListener('click', () => cell.replaceChildren(withdrawalForm(row)));
    cell.append(' ', button);
  }
  return cell;
}

// Asks for the reason in place (the server refuses a withdrawal without one).
function withdrawalForm(row) {
  const form = document.createElement('form');
  form.className = 'withdrawal-form';
  const reason = document.createElement('input');
  reason.type = 'text';
  reason.required = true;
  reason.maxLength = 500;
  reason.name = 'reason';
  reason.placeholder = t({ zh: '撤回原因', en: 'Reason' });
  reason.setAttribute('aria-label', t({ zh: `撤回批次 ${row.batchId} 的原因`, en: `Why withdraw batch ${row.batchId}` }));
  const confirm = document.createElement('button');
  confirm.type = 'submit';
  confirm.textContent = t({ zh: '确认撤回', en: 'Confirm' });
  form.append(reason, ' ', confirm);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    confirm.disabled = true;
    await withdraw(row, reason.value);
  });
  queueMicrotask(() => reason.focus());
  return form;
}

async function withdraw(row, reason) {
  delete document.body.dataset.ready;
  status.classList.remove('error');
  try {
    const answer = await api.withdrawBatch(row.batchId, reason);
    status.textContent = answer.message;
  } catch (error) {
    status.classList.add('error');
    status.textContent = `${error.message}${error.requestId ? ` [${error.requestId}]` : ''}`;
  }
  await whenSettled([loadBatches()]);
}

async function loadBatches() {
  const batchesStatus = document.getElementById('batches-status');
  try {
    const list = await api.batches();
    batchesStatus.textContent = list.batches.length === 0 ? t({ zh: '尚无报送批次。', en: 'No batches yet.' }) : '';
    fillTable(document.getElementById('batches'), [
      { key: 'batchId', label: t({ zh: '批次', en: 'Batch' }), numeric: true },
      { key: 'datasetZh', label: t({ zh: '数据类型', en: 'Dataset' }), format: (row) => t(DATASETS[row.dataset] ?? { zh: row.datasetZh, en: row.dataset }) },
      { key: 'fileName', label: t({ zh: '文件', en: 'File' }) },
      { key: 'reportDate', label: t({ zh: '填报日期', en: 'Report date' }) },
      { key: 'submittedBy', label: t({ zh: '报送人', en: 'By' }) },
      { key: 'read', label: t({ zh: '读取', en: 'Read' }), numeric: true },
      { key: 'accepted', label: t({ zh: '接收', en: 'Accepted' }), numeric: true },
      { key: 'rejected', label: t({ zh: '拒收', en: 'Rejected' }), format: (row) => {
        if (!row.rejected) {
          return '0';
        }
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = String(row.rejected);
        button.setAttribute('aria-label', t({ zh: `查看批次 ${row.batchId} 的被拒行`, en: `Rejected rows of batch ${row.batchId}` }));
        button.addEventListener('click', () => showBatch(row.batchId));
        return button;
      } },
      { key: 'withdrawn', label: t({ zh: '状态', en: 'Status' }), format: batchState },
    ], list.batches, { rowKey: (row) => String(row.batchId) });
  } catch (error) {
    batchesStatus.textContent = describeError(error, context.language);
  }
}

drawChrome();
whenSettled([loadBatches()]);
