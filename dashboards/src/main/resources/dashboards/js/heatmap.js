// Builds the ECharts option for a heatmap body of /api/v1/heatmap. Values are drawn as the API computed them.
import { cellLabel, formatValue, nameOf } from './i18n.js';

// ColorBrewer OrRd: one hue family whose lightness falls steadily, so the scale still reads light → dark in greyscale.
const SEQUENTIAL = ['#fff7ec', '#fee8c8', '#fdd49e', '#fdbb84', '#fc8d59', '#ef6548', '#d7301f', '#b30000', '#7f0000'];
const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

function longestName(members, language) {
  return Math.max(0, ...members.map((m) => nameOf(m, language).length));
}

/** Cells with a value (undefined rates are null and are not drawn). */
export function cellsWithData(heatmap) {
  return heatmap.cells.filter((cell) => cell.value !== null).length;
}

export function buildOption(heatmap, language) {
  const unit = heatmap.metric.unit;
  const rows = heatmap.rows.members;
  const columns = heatmap.columns.members;
  // The dimension with the longer names goes on the vertical axis, where labels read horizontally.
  const rowsOnY = longestName(rows, language) >= longestName(columns, language);
  const yMembers = rowsOnY ? rows : columns;
  const xMembers = rowsOnY ? columns : rows;
  const rowIndex = new Map(rows.map((m, i) => [m.code, i]));
  const columnIndex = new Map(columns.map((m, i) => [m.code, i]));

  const values = heatmap.cells.filter((c) => c.value !== null).map((c) => c.value);
  const max = unit === 'rate' ? 1 : Math.max(1, ...values);
  const data = heatmap.cells.map((cell) => {
    const r = rowIndex.get(cell.row);
    const c = columnIndex.get(cell.column);
    const x = rowsOnY ? c : r;
    const y = rowsOnY ? r : c;
    const dark = cell.value !== null && cell.value / max > 0.55;
    return {
      value: [x, y, cell.value === null ? '-' : cell.value],
      label: { color: dark ? '#ffffff' : '#1f2933' },
    };
  });

  const metricName = nameOf(heatmap.metric, language);
  const longLabels = longestName(xMembers, language) > 4;
  return {
    animation: false,
    textStyle: { fontFamily: FONT },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (params) => {
        const [x, y, value] = params.value;
        const row = rowsOnY ? yMembers[y] : xMembers[x];
        const column = rowsOnY ? xMembers[x] : yMembers[y];
        const shown = formatValue(value === '-' ? null : value, unit, language);
        return `<strong>${escapeHtml(nameOf(row, language))} · ${escapeHtml(nameOf(column, language))}</strong><br>`
          + `${escapeHtml(metricName)}：<strong>${escapeHtml(shown)}</strong>`;
      },
    },
    grid: { left: 8, right: 96, top: 8, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      position: 'top',
      data: xMembers.map((m) => nameOf(m, language)),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: {
        interval: 0,
        fontSize: 13,
        color: '#1f2933',
        rotate: longLabels ? 30 : 0,
        width: 120,
        overflow: 'truncate',
      },
      splitArea: { show: false },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: yMembers.map((m) => nameOf(m, language)),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { interval: 0, fontSize: 13, color: '#1f2933', width: language === 'en' ? 230 : 170, overflow: 'truncate' },
    },
    visualMap: {
      type: 'continuous',
      min: 0,
      max,
      calculable: true,
      orient: 'vertical',
      right: 8,
      top: 'middle',
      itemHeight: 200,
      precision: unit === 'count' ? 0 : 1,
      formatter: (value) => formatValue(value, unit, language),
      text: [language === 'en' ? 'High' : '高', language === 'en' ? 'Low' : '低'],
      textStyle: { color: '#52606d', fontFamily: FONT },
      inRange: { color: SEQUENTIAL },
    },
    series: [{
      name: metricName,
      type: 'heatmap',
      data,
      label: {
        show: true,
        fontSize: 12,
        formatter: (params) => cellLabel(params.value[2] === '-' ? null : params.value[2], unit),
      },
      itemStyle: { borderColor: '#e4e7eb', borderWidth: 1 },
      emphasis: { itemStyle: { borderColor: '#1f2933', borderWidth: 2 } },
    }],
  };
}
