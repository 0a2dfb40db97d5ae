// The filter bar every chart of a page obeys. Its state lives in the URL (period, as-of date and codes), so a view can
// be bookmarked and shared; the API receives it as from/to/asOf and filter=dimension=code.
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
    form.addEventListener('submit', (event) => event.preventDefault());
    this.draw();
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
      input.type = 'date';
      input.name = key;
      input.id = `filter-${key}`;
      input.value = this.values[key];
      input.addEventListener('change', () => this.set(key, input.value));
      wrapper.append(caption, input);
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
  }

  set(key, value) {
    this.values[key] = value;
    const next = new URL(location.href);
    for (const [name, current] of Object.entries(this.values)) {
      if (current) {
        next.searchParams.set(name, current);
      } else {
        next.searchParams.delete(name);
      }
    }
    history.replaceState(null, '', next);
    // a period needs both ends: wait for the other one
    if ((key === 'from' || key === 'to') && Boolean(this.values.from) !== Boolean(this.values.to)) {
      return;
    }
    this.onChange();
  }
}
