// Interface strings in both languages; names of districts, categories and figures come from the API.
const STRINGS = {
  zh: {
    title: '校安 · 学校安全隐患风险热力图',
    metric: '指标',
    asOf: '截至日期',
    switchTo: 'English',
    loading: '正在加载…',
    empty: '暂无数据：所选条件下没有可计算的数值。',
    error: '加载失败',
    requestId: '请求编号',
    noModel: '尚未构建模型：请先运行 bin/xiaoan build，然后刷新本页。',
    network: '无法连接服务器，请确认 xiaoan serve 正在运行后刷新本页。',
    meta: (m) => `模型版本 v${m.version} · 截至 ${m.asOf} · 统计期 ${m.from} 至 ${m.to}`,
    caption: (metric, rows, columns) => `${metric}（${rows} × ${columns}）`,
    noteRisk: '风险指数 = 100 × Σ 截至日期未整改隐患权重（一般 1，重大 5；超期 ×2）÷ 学校数。颜色越深风险越高。',
    noteOther: '颜色越深数值越高。空白格表示无法计算（分母为 0）。',
    tooltipValue: '数值',
    notComputable: '无法计算',
  },
  en: {
    title: 'xiaoan · School safety hazard risk heatmap',
    metric: 'Figure',
    asOf: 'As of',
    switchTo: '中文',
    loading: 'Loading…',
    empty: 'No data: nothing can be computed for this selection.',
    error: 'Could not load the figure',
    requestId: 'request id',
    noModel: 'No model has been built yet: run bin/xiaoan build, then reload this page.',
    network: 'Cannot reach the server: check that xiaoan serve is running, then reload this page.',
    meta: (m) => `Model v${m.version} · as of ${m.asOf} · period ${m.from} to ${m.to}`,
    caption: (metric, rows, columns) => `${metric} (${rows} × ${columns})`,
    noteRisk: 'Risk index = 100 × Σ weights of hazards open at the as-of date (general 1, major 5; ×2 when overdue) ÷ schools. Darker is riskier.',
    noteOther: 'Darker is higher. Blank cells cannot be computed (the denominator is 0).',
    tooltipValue: 'Value',
    notComputable: 'not computable',
  },
};

export function strings(language) {
  return STRINGS[language] ?? STRINGS.zh;
}

/** The name of a coded value ({code, nameZh, nameEn}) in the chosen language. */
export function nameOf(named, language) {
  return language === 'en' ? named.nameEn : named.nameZh;
}

/** Formats a figure value for display by the figure's unit; null stays visibly undefined. */
export function formatValue(value, unit, language) {
  if (value === null || value === undefined) {
    return strings(language).notComputable;
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

/** The short form drawn inside a cell. */
export function cellLabel(value, unit) {
  if (value === null || value === undefined) {
    return '';
  }
  switch (unit) {
    case 'rate':
      return `${Math.round(value * 100)}%`;
    case 'count':
      return String(Math.round(value));
    default:
      return value >= 100 ? String(Math.round(value)) : value.toFixed(1);
  }
}
