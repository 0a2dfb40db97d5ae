// 数据查询 The analysts' SQL console: the statement runs on the server's locked-down, read-only engine within the
// user's scope; errors are shown as the server states them. Ctrl-Enter runs; the schema sits beside the editor; recent
// statements are kept in this browser; a result exports as XLSX/CSV and can be drawn as a quick bar chart.
import { api, postForFile } from './api.js';
import { ChartBox, FONT, BLUES } from './chartbox.js';
import { fillTable } from './format.js';
import { describeError, startPage, tr, whenSettled } from './page.js';

const HISTORY_KEY = 'xiaoan.sql.history';
const context = await startPage({
  title: { zh: '校安 · 数据查询', en: 'xiaoan · SQL console' },
  active: 'sql.html',
  onLanguage: () => drawChrome(),
});
const editor = document.getElementById('editor');
const status = document.getElementById('result-status');
let result = null;
let chart = null;

function t(text) {
  return tr(text, context.language);
}

function history() {
  try {
    return JSON.parse(localStorage.getItem(HISTORY_KEY) ?? '[]');
  } catch {
    return [];
  }
}

function drawChrome() {
  document.getElementById('schema-caption').textContent = t({ zh: '数据表', en: 'Tables' });
  document.getElementById('history-caption').textContent = t({ zh: '最近的查询', en: 'Recent statements' });
  document.getElementById('editor-label').textContent = t({ zh: 'SQL 语句（Ctrl+Enter 运行；只读）', en: 'SQL statement (Ctrl+Enter runs; read-only)' });
  document.getElementById('run').textContent = t({ zh: '运行', en: 'Run' });
  document.getElementById('export-xlsx').textContent = t({ zh: '导出 XLSX', en: 'Export XLSX' });
  document.getElementById('export-csv').textContent = t({ zh: '导出 CSV', en: 'Export CSV' });
  document.getElementById('chart-toggle').textContent = t({ zh: '快速图表', en: 'Quick chart' });
  const list = document.getElementById('history');
  list.replaceChildren(...history().map((statement) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = statement;
    button.title = statement;
    button.addEventListener('click', () => { editor.value = statement; editor.focus(); });
    return button;
  }));
}

async function loadSchema() {
  const box = document.getElementById('schema');
  try {
    const tables = await api.sqlSchema();
    box.replaceChildren(...tables.map((table) => {
      const details = document.createElement('details');
      details.dataset.table = table.name;
      const summary = document.createElement('summary');
      summary.textContent = table.name;
      summary.title = context.language === 'en' ? table.descriptionEn : table.descriptionZh;
      const columns = document.createElement('ul');
      columns.replaceChildren(...table.columns.map((column) => {
        const item = document.createElement('li');
        item.textContent = `${column.name} ${column.type}`;
        item.title = context.language === 'en' ? column.descriptionEn : column.descriptionZh;
        return item;
      }));
      details.append(summary, columns);
      return details;
    }));
  } catch (error) {
    box.textContent = describeError(error, context.language);
  }
}

function remember(statement) {
  const recent = [statement, ...history().filter((s) => s !== statement)].slice(0, 20);
  localStorage.setItem(HISTORY_KEY, JSON.stringify(recent));
}

async function run() {
  const statement = editor.value.trim();
  if (!statement) {
    status.textContent = t({ zh: '请输入查询语句。', en: 'Type a statement first.' });
    return;
  }
  delete document.body.dataset.ready;
  status.classList.remove('error');
  status.textContent = t({ zh: '正在运行…', en: 'Running…' });
  document.getElementById('run').disabled = true;
  await whenSettled([api.sql({ sql: statement }).then((answer) => {
    result = answer;
    remember(statement);
    drawChrome();
    drawResult();
  }, (error) => {
    result = null;
    document.getElementById('result').replaceChildren();
    status.classList.add('error');
    // the server's words: they say what is wrong and what is allowed
    status.textContent = error.code === 'network' ? describeError(error, context.language)
      : `${error.message}${error.requestId ? ` [${error.requestId}]` : ''}`;
    status.dataset.code = error.code;
  })]);
  document.getElementById('run').disabled = false;
}

function drawResult() {
  status.dataset.code = '';
  status.dataset.rows = String(result.rowCount);
  status.textContent = t({
    zh: `${result.rowCount} 行，用时 ${result.elapsedMillis} 毫秒${!result.truncated ? '' : result.truncatedBy === 'max_bytes' ? '；结果内容过大已截断，请只选需要的列或增加筛选' : '；结果已截断，请缩小查询范围或导出'}（数据范围 ${result.scope}，模型版本 v${result.modelVersion}）`,
    en: `${result.rowCount} rows in ${result.elapsedMillis} ms${!result.truncated ? '' : result.truncatedBy === 'max_bytes' ? '; truncated at the 16 MiB cap: select fewer columns or filter' : '; truncated: narrow the query or export it'} (scope ${result.scope}, model v${result.modelVersion})`,
  });
  status.dataset.truncated = String(result.truncated);
  status.dataset.truncatedBy = result.truncatedBy ?? '';
  fillTable(document.getElementById('result'),
    result.columns.map((column, i) => ({ label: `${column.name}`, format: (row) => row[i] === null ? 'NULL' : String(row[i]),
      numeric: /INT|DOUBLE|DECIMAL|FLOAT|REAL/.test(column.type) })),
    result.rows);
  if (!document.getElementById('quick-chart').hidden) {
    drawChart();
  }
}

function drawChart() {
  const frame = document.getElementById('quick-chart');
  frame.hidden = false;
  chart ??= new ChartBox(frame);
  if (!result) {
    chart.empty(t({ zh: '先运行一条查询。', en: 'Run a statement first.' }));
    return;
  }
  const numeric = result.columns.findIndex((c) => /INT|DOUBLE|DECIMAL|FLOAT|REAL/.test(c.type));
  const label = result.columns.findIndex((c, i) => i !== numeric);
  if (numeric < 0 || result.rows.length === 0) {
    chart.empty(t({ zh: '需要一列数值和至少一行结果才能作图。', en: 'A chart needs a numeric column and at least one row.' }));
    return;
  }
  const rows = result.rows.slice(0, 50);
  chart.show({
    animation: false,
    textStyle: { fontFamily: FONT },
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((row, i) => (label >= 0 ? String(row[label]) : String(i + 1))),
      axisLabel: { rotate: rows.length > 8 ? 30 : 0 } },
    yAxis: { type: 'value' },
    series: [{ type: 'bar', name: result.columns[numeric].name, data: rows.map((row) => row[numeric]), itemStyle: { color: BLUES[1] } }],
  }, result.columns[numeric].name);
}

async function exportResult(format) {
  const statement = editor.value.trim();
  if (!statement) {
    return;
  }
  try {
    await postForFile('/api/v1/sql', { sql: statement, format });
  } catch (error) {
    status.classList.add('error');
    status.textContent = error.message;
  }
}

editor.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    run();
  }
});
document.getElementById('run').addEventListener('click', run);
document.getElementById('export-xlsx').addEventListener('click', () => exportResult('xlsx'));
document.getElementById('export-csv').addEventListener('click', () => exportResult('csv'));
document.getElementById('chart-toggle').addEventListener('click', () => {
  const frame = document.getElementById('quick-chart');
  if (frame.hidden) {
    drawChart();
  } else {
    frame.hidden = true;
  }
});

editor.value = history()[0] ?? 'SELECT category, count(*) AS hazards\nFROM current_hazards\nGROUP BY category\nORDER BY hazards DESC';
drawChrome();
whenSettled([loadSchema()]);
