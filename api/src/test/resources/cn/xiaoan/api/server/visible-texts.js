// Collects what a person reads on the page where a name is expected: table cells (not ids, numbers or a rejected
// row's raw value), list choices, the signed-in scope, the school line, and the labels, series and legends of every
// chart (from ECharts' own option, since the chart is a canvas). Returns [[where, text], ...].
const out = [];
const shown = (element) => element.getClientRects().length > 0;
document.querySelectorAll('main td').forEach((cell) => {
  const column = cell.dataset.column;
  if (!shown(cell) || cell.classList.contains('num') || column === 'hazardId' || column === 'value') {
    return;
  }
  out.push([`cell ${cell.closest('table').id}/${column ?? ''}`, cell.innerText.trim()]);
});
document.querySelectorAll('select option').forEach((option) => out.push([`option ${option.parentElement.id}`, option.textContent.trim()]));
document.querySelectorAll('#user, #school-info').forEach((element) => {
  element.innerText.split(/\s*·\s*/).forEach((part) => out.push([element.id, part.trim()]));
});
document.querySelectorAll('.chart').forEach((element) => {
  const chart = window.echarts?.getInstanceByDom(element);
  if (!chart) {
    return;
  }
  const option = chart.getOption();
  for (const axis of [...(option.xAxis ?? []), ...(option.yAxis ?? [])]) {
    (axis.data ?? []).forEach((label) => out.push([`chart ${element.id} axis`, String(label?.value ?? label)]));
  }
  (option.series ?? []).forEach((series) => series.name && out.push([`chart ${element.id} series`, String(series.name)]));
  (option.legend ?? []).forEach((legend) => (legend.data ?? []).forEach((label) => out.push([`chart ${element.id} legend`, String(label?.name ?? label)])));
});
return out;
