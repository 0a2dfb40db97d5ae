// 数据质量 The ledger trust audit: how far each district's and school's ledger can be trusted, read from the history of
// every snapshot (docs/FIGURES.md "Ledger trust"). Scores by district → schools → one school's evidence rows, each row
// linking to the hazard's page. Every number comes from GET /api/v1/trust and /api/v1/trust/schools/{code}.
import { api } from './api.js';
import { hazardLink } from './hazardlink.js';
import { fillTable } from './format.js';
import { loadNames } from './names.js';
import { describeError, pageLink, startPage, tr, whenSettled } from './page.js';

const url = new URL(location.href);
const district = url.searchParams.get('district') ?? '';
const school = url.searchParams.get('school') ?? '';
let audit = null;
let evidence = null;
let failure = null;

const context = await startPage({
  title: { zh: '校安 · 数据质量', en: 'xiaoan · Data quality' },
  active: 'trust.html',
  onLanguage: () => draw(),
  share: true,
});

// the names of status codes in the evidence rows (a status before → after reads 已整改 → 未整改, never RECTIFIED)
const names = context.names ?? await loadNames();

function t(text) {
  return tr(text, context.language);
}

function score(unit) {
  return unit.score === null || unit.score === undefined ? '—' : unit.score.toFixed(1);
}

/** A finding's value: a status code as its name, anything else (dates, a description) as written. */
function value(text) {
  if (text === null || text === undefined) {
    return '—';
  }
  return names.member('status', text) ? names.name('status', text, context.language) : text;
}

function link(text, params) {
  const a = document.createElement('a');
  a.href = pageLink('trust.html', params, context.language);
  a.textContent = text;
  return a;
}

function ruleSummary(unit) {
  return unit.rules.filter((rule) => rule.findings > 0)
    .map((rule) => `${t({ zh: rule.nameZh, en: rule.nameEn })} ${rule.findings}`).join('；');
}

function unitColumns() {
  return [
    { key: 'score', label: t({ zh: '可信度得分', en: 'Trust score' }), numeric: true, format: score },
    { key: 'hazards', label: t({ zh: '隐患数', en: 'Hazards' }), numeric: true },
    { key: 'flaggedHazards', label: t({ zh: '有疑点的隐患', en: 'Flagged hazards' }), numeric: true },
    { key: 'findings', label: t({ zh: '疑点', en: 'Findings' }), numeric: true },
    { key: 'rules', label: t({ zh: '主要问题', en: 'What was found' }), format: ruleSummary },
  ];
}

function snapshot(batchId, reportDate) {
  if (batchId === null || batchId === undefined) {
    return '';
  }
  return t({ zh: `${reportDate}（批次 ${batchId}）`, en: `${reportDate} (batch ${batchId})` });
}

function amount(finding) {
  if (finding.amount === null || finding.amount === undefined) {
    return '';
  }
  switch (finding.rule) {
    case 'deadline_day_pileup':
      return t({ zh: `当月 ${finding.amountOf} 项整改中 ${finding.amount} 项在期限当日`,
        en: `${finding.amount} of the month's ${finding.amountOf} on the deadline day` });
    case 'copied_description':
      return t({ zh: `${finding.amount} 所学校`, en: `${finding.amount} schools` });
    case 'unchanged_snapshots':
      return t({ zh: `原样重报 ${finding.amount} 次`, en: `re-sent unchanged ${finding.amount} times` });
    default:
      return String(finding.amount);
  }
}

function after(finding) {
  if (finding.rule === 'vanished') {
    return t({ zh: '下次上报中缺失', en: 'missing from the next report' });
  }
  return value(finding.valueAfter);
}

function drawAudit() {
  const total = audit.total;
  document.getElementById('total-note').textContent = t({
    zh: `得分 ${score(total)}：${total.hazards} 项隐患中 ${total.flaggedHazards} 项有疑点（${total.findings} 条）。`
      + `得分 = 100 × 无疑点隐患数 ÷ 隐患数。模型版本 v${audit.modelVersion.version}。`,
    en: `Score ${score(total)}: ${total.flaggedHazards} of ${total.hazards} hazards flagged (${total.findings} findings).`
      + ` Score = 100 × hazards without a finding ÷ hazards. Model v${audit.modelVersion.version}.` });
  fillTable(document.getElementById('rules'), [
    { key: 'name', label: t({ zh: '核查规则', en: 'Rule' }), format: (r) => t({ zh: r.nameZh, en: r.nameEn }) },
    { key: 'findings', label: t({ zh: '疑点', en: 'Findings' }), numeric: true },
    { key: 'hazards', label: t({ zh: '涉及隐患', en: 'Hazards' }), numeric: true },
  ], total.rules, { rowKey: (r) => r.rule });
  fillTable(document.getElementById('districts'), [
    { key: 'district', label: t({ zh: '区县', en: 'District' }),
      format: (d) => link(t({ zh: d.districtNameZh, en: d.districtNameEn }) ?? '—', { district: d.districtCode }) },
    ...unitColumns(),
  ], audit.districts, { rowKey: (d) => d.districtCode });
  const schools = audit.schools.filter((s) => !district || s.districtCode === district);
  document.getElementById('schools-caption').textContent = district
    ? t({ zh: `学校（${schools[0]?.districtNameZh ?? ''}，得分由低到高）`, en: `Schools (${schools[0]?.districtNameEn ?? ''}, weakest first)` })
    : t({ zh: '学校（得分由低到高）', en: 'Schools (weakest first)' });
  fillTable(document.getElementById('schools'), [
    { key: 'school', label: t({ zh: '学校', en: 'School' }),
      format: (s) => link(s.schoolName ?? '—', { district: s.districtCode, school: s.schoolCode }) },
    { key: 'districtName', label: t({ zh: '区县', en: 'District' }), format: (s) => t({ zh: s.districtNameZh, en: s.districtNameEn }) },
    ...unitColumns(),
  ], schools, { rowKey: (s) => s.schoolCode });
}

function drawEvidence() {
  const card = document.getElementById('evidence-card');
  card.hidden = !evidence;
  if (!evidence) {
    return;
  }
  const unit = evidence.school;
  document.getElementById('evidence-caption').textContent = t({
    zh: `${unit.schoolName} · 证据`, en: `${unit.schoolName} · Evidence` });
  document.getElementById('evidence-note').textContent = t({
    zh: `得分 ${score(unit)}：${unit.hazards} 项隐患中 ${unit.flaggedHazards} 项有疑点。每行是一条疑点及其来源批次。`,
    en: `Score ${score(unit)}: ${unit.flaggedHazards} of ${unit.hazards} hazards flagged. Each row is a finding and the batches that show it.` });
  fillTable(document.getElementById('evidence'), [
    { key: 'rule', label: t({ zh: '规则', en: 'Rule' }), format: (f) => t({ zh: f.ruleNameZh, en: f.ruleNameEn }) },
    { key: 'hazardId', label: t({ zh: '隐患编号', en: 'Hazard' }),
      format: (f) => hazardLink({ schoolCode: unit.schoolCode, hazardId: f.hazardId }, context.language) },
    { key: 'description', label: t({ zh: '隐患描述', en: 'Description' }) },
    { key: 'earlier', label: t({ zh: '此前上报', en: 'Earlier report' }), format: (f) => snapshot(f.earlierBatchId, f.earlierReportDate) },
    { key: 'report', label: t({ zh: '本次上报', en: 'Report' }), format: (f) => snapshot(f.batchId, f.reportDate) },
    { key: 'valueBefore', label: t({ zh: '此前', en: 'Before' }), format: (f) => value(f.valueBefore) },
    { key: 'valueAfter', label: t({ zh: '此后', en: 'After' }), format: after },
    { key: 'amount', label: t({ zh: '说明', en: 'Detail' }), format: amount },
  ], evidence.findings, { rowKey: (f) => `${f.rule}/${f.hazardId}/${f.batchId}` });
}

function draw() {
  document.getElementById('total-caption').textContent = t({ zh: '台账可信度', en: 'Ledger trust' });
  document.getElementById('districts-caption').textContent = t({ zh: '区县（得分由低到高）', en: 'Districts (weakest first)' });
  const status = document.getElementById('trust-status');
  if (failure) {
    status.textContent = failure.code === 'unknown_school'
      ? t({ zh: `找不到学校 ${school}（或不在您的辖区内）。`, en: `No school ${school} (or outside your scope).` })
      : describeError(failure, context.language);
    status.classList.add('error');
  } else if (!audit) {
    status.textContent = t({ zh: '正在加载…', en: 'Loading…' });
  } else {
    status.textContent = '';
  }
  if (audit) {
    drawAudit();
  }
  drawEvidence();
}

draw();
const loads = [api.trust().then((body) => { audit = body; }, (error) => { failure = error; }).then(draw)];
if (school) {
  loads.push(api.trustSchool(school).then((body) => { evidence = body; }, (error) => { failure = error; }).then(draw));
}
whenSettled(loads);
