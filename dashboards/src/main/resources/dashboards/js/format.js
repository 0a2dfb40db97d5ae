// Numbers as people read them; figures are shown as the API computed them, never recomputed here.
export function formatValue(value, unit, language) {
  if (value === null || value === undefined) {
    return language === 'en' ? 'n/a' : '无法计算';
  }
  const locale = language === 'en' ? 'en-GB' : 'zh-CN';
  switch (unit) {
    case 'rate':
      return `${(value * 100).toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
    case 'count':
      return value.toLocaleString(locale, { maximumFractionDigits: 0 });
    default:
      return value.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  }
}

/** A change from /api/v1/figures/compare: counts in hazards, rates in percentage points. */
export function formatChange(change, unit, language) {
  if (change === null || change === undefined) {
    return language === 'en' ? 'no comparison' : '无可比数据';
  }
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  const size = Math.abs(change);
  if (unit === 'rate') {
    return `${sign}${(size * 100).toFixed(1)} ${language === 'en' ? 'pp' : '个百分点'}`;
  }
  if (unit === 'count') {
    return `${sign}${Math.round(size).toLocaleString(language === 'en' ? 'en-GB' : 'zh-CN')}`;
  }
  return `${sign}${size.toFixed(1)}`;
}

export function nameOf(named, language) {
  return language === 'en' ? named.nameEn : named.nameZh;
}

/** Fills a <table> from columns [{key, label, format?}] and rows; returns the table. */
export function fillTable(table, columns, rows, { rowKey, onRow } = {}) {
  const head = document.createElement('thead');
  const headRow = document.createElement('tr');
  for (const column of columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = column.label;
    if (column.numeric) {
      th.className = 'num';
    }
    headRow.append(th);
  }
  head.append(headRow);
  const body = document.createElement('tbody');
  for (const row of rows) {
    const tr = document.createElement('tr');
    if (rowKey) {
      tr.dataset.key = rowKey(row);
    }
    for (const column of columns) {
      const td = document.createElement('td');
      const value = column.format ? column.format(row) : row[column.key];
      if (value instanceof Node) {
        td.append(value);
      } else {
        td.textContent = value ?? '';
      }
      if (column.numeric) {
        td.className = 'num';
      }
      if (column.key) {
        td.dataset.column = column.key;
      }
      tr.append(td);
    }
    onRow?.(tr, row);
    body.append(tr);
  }
  table.replaceChildren(head, body);
  return table;
}
