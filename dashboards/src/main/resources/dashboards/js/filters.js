// The filter bar every chart of a page obeys. Its state lives in the URL (period, as-of date and codes), so a view can
// be bookmarked and shared; the API receives it as from/to/asOf and filter=dimension=code.
import { DateField } from './datefield.js';
import { tr } from './page.js';

const CHOICES = ['district', 'school_type', 'boarding', 'severity', 'inspection_type', 'category'];

export class FilterBar {
  /**
   * form: the <form> to fill; catalog: /api/v1/meta; dimensions: which of CHOICES to offer; onChange(): redraw.
   */
  constructor(form, catalog, { dimensions, language, onChange }) {
    this.form = form;
    this.catalog = catalog;
    this.dimensions = dimensions;
    this.language = language;
    this.onChange = onChange;
    const url = new URL(location.href);
    this.values = {
      from: url.searchParams.get('from') ?? '',
      to: url.searchParams.get('to') ?? '',
      asOf: url.searchParams.get('asOf') ?? '',
    };
    for (const dimension of CHOICES) {
      this.values[dimension] = url.searchParams.get(dimension) ?? '';
    }
    // what the server answered for the dates left open (its default period and as-of date), shown in the fields
    this.defaults = { from: '', to: '', asOf: '' };
    this.dateFields = {};
    form.addEventListener('submit', (event) => event.preventDefault());
    this.summaryLine = document.createElement('p');
    this.summaryLine.className = 'print-summary print-only';
    form.after(this.summaryLine);
    this.draw();
  }

  /** Shows the period and as-of date an answer used where the person chose none (e.g. the model's as-of date). */
  showDefaults({ from, to, asOf }) {
    this.defaults = { from: from ?? '', to: to ?? '', asOf: asOf ?? '' };
    for (const [key, field] of Object.entries(this.dateFields)) {
      field.setDefault(this.defaults[key]);
    }
    this.drawSummary();
  }

  /** The filters in words, printed above the charts (the filter bar itself is not printed). */
  summary() {
    const language = this.language;
    const parts = [];
    const from = this.values.from || this.defaults.from;
    const to = this.values.to || this.defaults.to;
    const asOf = this.values.asOf || this.defaults.asOf;
    if (from && to) {
      parts.push(tr({ zh: `统计期 ${from} 至 ${to}`, en: `period ${from} to ${to}` }, language));
    }
    if (asOf) {
      parts.push(tr({ zh: `截至 ${asOf}`, en: `as of ${asOf}` }, language));
    }
    for (const code of this.dimensions) {
      const dimension = this.catalog?.dimensions?.find((d) => d.code === code);
      const chosen = this.values[code];
      if (dimension && chosen) {
        const member = dimension.members.find((m) => m.code === chosen);
        const name = (named) => (language === 'en' ? named.nameEn : named.nameZh);
        parts.push(`${name(dimension)}${language === 'en' ? ': ' : '：'}${member ? name(member) : chosen}`);
      }
    }
    return parts.join(language === 'en' ? '; ' : '；');
  }

  drawSummary() {
    this.summaryLine.textContent = this.summary();
  }

  /** The API parameters: from/to only together, filters as dimension=code. */
  params() {
    const params = {};
    if (this.values.from && this.values.to) {
      params.from = this.values.from;
      params.to = this.values.to;
    }
    if (this.values.asOf) {
      params.asOf = this.values.asOf;
    }
    params.filter = CHOICES.filter((d) => this.values[d]).map((d) => `${d}=${this.values[d]}`);
    return params;
  }

  /** The same state as page parameters (for links to other pages). */
  pageParams() {
    const params = {};
    for (const [key, value] of Object.entries(this.values)) {
      if (value) {
        params[key] = value;
      }
    }
    return params;
  }

  setLanguage(language) {
    this.language = language;
    this.draw();
  }

  draw() {
    const language = this.language;
    const fields = [];
    const dateField = (key, label) => {
      const wrapper = document.createElement('label');
      const caption = document.createElement('span');
      caption.textContent = tr(label, language);
      const input = document.createElement('input');
      input.name = key;
      input.id = `filter-${key}`;
      wrapper.append(caption, input);
      const field = new DateField(input, { kind: 'date', language, value: this.values[key],
        onChange: (value) => this.set(key, value) });
      field.setDefault(this.defaults[key]);
      this.dateFields[key] = field;
      return wrapper;
    };
    fields.push(dateField('from', { zh: '期间起', en: 'From' }));
    fields.push(dateField('to', { zh: '期间止', en: 'To' }));
    fields.push(dateField('asOf', { zh: '截至日期', en: 'As of' }));
    for (const code of this.dimensions) {
      const dimension = this.catalog?.dimensions?.find((d) => d.code === code);
      if (!dimension) {
        continue;
      }
      const wrapper = document.createElement('label');
      const caption = document.createElement('span');
      caption.textContent = language === 'en' ? dimension.nameEn : dimension.nameZh;
      const select = document.createElement('select');
      select.name = code;
      select.id = `filter-${code}`;
      const all = document.createElement('option');
      all.value = '';
      all.textContent = tr({ zh: '全部', en: 'All' }, language);
      select.append(all);
      for (const member of dimension.members) {
        const option = document.createElement('option');
        option.value = member.code;
        option.textContent = language === 'en' ? member.nameEn : member.nameZh;
        option.selected = member.code === this.values[code];
        select.append(option);
      }
      select.addEventListener('change', () => this.set(code, select.value));
      wrapper.append(caption, select);
      fields.push(wrapper);
    }
    this.form.replaceChildren(...fields);
    this.drawSummary();
  }

  set(key, value) {
    this.values[key] = value;
    // one end of the period chosen: the other end shown (the server's default) is taken as chosen too
    const other = { from: 'to', to: 'from' }[key];
    if (other && value && !this.values[other] && this.defaults[other]) {
      this.values[other] = this.defaults[other];
      if (this.dateFields[other]) {
        this.dateFields[other].value = this.values[other];
      }
    }
    const next = new URL(location.href);
    for (const [name, current] of Object.entries(this.values)) {
      if (current) {
        next.searchParams.set(name, current);
      } else {
        next.searchParams.delete(name);
      }
    }
    history.replaceState(null, '', next);
    this.drawSummary();
    // a period needs both ends: wait for the other one
    if ((key === 'from' || key === 'to') && Boolean(this.values.from) !== Boolean(this.values.to)) {
      return;
    }
    this.onChange();
  }
}
