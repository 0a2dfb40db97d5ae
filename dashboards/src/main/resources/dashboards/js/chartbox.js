// A chart with its states: loading, empty, error (with what to do) or the chart itself. Tests and the UI benchmark
// wait for data-chart-state="finished" (set on ECharts' 'finished' event) and, page-wide, for
// body[data-charts-finished] once every chart of the page is in a final state.
const FINAL = new Set(['finished', 'empty', 'error']);
const boxes = new Set();

function markPage() {
  const all = [...boxes].every((box) => FINAL.has(box.element.dataset.chartState));
  if (all && boxes.size > 0) {
    document.body.dataset.chartsFinished = 'true';
    if (!document.body.dataset.chartsFinishedAt) {
      document.body.dataset.chartsFinishedAt = String(Math.round(performance.now()));
    }
  } else {
    delete document.body.dataset.chartsFinished;
  }
}

export class ChartBox {
  /** frame: an element holding the chart; it gets a canvas area and a status overlay. */
  constructor(frame, { label } = {}) {
    frame.classList.add('chart-frame');
    this.element = document.createElement('div');
    this.element.className = 'chart';
    this.element.id = frame.dataset.chartId ?? `${frame.id}-chart`;
    this.element.setAttribute('role', 'img');
    this.status = document.createElement('div');
    this.status.className = 'status';
    this.status.setAttribute('role', 'status');
    this.statusText = document.createElement('span');
    const spinner = document.createElement('span');
    spinner.className = 'spinner';
    spinner.setAttribute('aria-hidden', 'true');
    this.status.append(spinner, this.statusText);
    frame.replaceChildren(this.element, this.status);
    this.chart = window.echarts.init(this.element, null, { renderer: 'canvas' });
    this.chart.on('finished', () => {
      if (this.element.dataset.chartState === 'rendering') {
        this.element.dataset.chartState = 'finished';
        markPage();
      }
    });
    new ResizeObserver(() => this.chart.resize()).observe(this.element);
    if (label) {
      this.element.setAttribute('aria-label', label);
    }
    boxes.add(this);
  }

  loading(text) {
    this.state('loading', text);
  }

  empty(text) {
    this.chart.clear();
    this.state('empty', text);
  }

  error(text) {
    this.chart.clear();
    this.state('error', text);
  }

  show(option, label) {
    this.status.hidden = true;
    if (label) {
      this.element.setAttribute('aria-label', label);
    }
    this.element.dataset.chartState = 'rendering';
    markPage();
    this.chart.setOption(option, { notMerge: true });
  }

  on(event, handler) {
    this.chart.on(event, handler);
  }

  state(kind, text) {
    this.status.hidden = false;
    this.status.dataset.kind = kind;
    this.statusText.textContent = text;
    this.element.dataset.chartState = kind;
    markPage();
  }
}

export const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
// One hue, light to dark: reads in greyscale too.
export const BLUES = ['#08306b', '#2171b5', '#6baed6', '#c6dbef'];
