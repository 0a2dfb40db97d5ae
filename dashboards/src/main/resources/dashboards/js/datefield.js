// Date and month fields that read the Chinese way whatever the browser's locale: 2026-10-31 and 2026年10月 (2026-10 on
// English pages). A text input with a pattern and a small calendar popup, usable from the keyboard: type the date
// (2026-10-31, 2026/10/31, 20261031, 2026年10月31日 are all understood), or Alt+↓ / the button opens the calendar,
// where the arrow keys move, PageUp/PageDown change the month (the year for months), Enter picks and Esc closes.
// The browser's own <input type=date> follows the browser's locale (mm/dd/yyyy under en-US), hence this component.

const WEEKDAYS = { zh: ['一', '二', '三', '四', '五', '六', '日'], en: ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] };
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function pad(number, width = 2) {
  return String(number).padStart(width, '0');
}

/** A day as {year, month (1-12), day}; Date objects only for calendar arithmetic, in UTC to avoid time zones. */
function toIso(year, month, day) {
  return day === undefined ? `${pad(year, 4)}-${pad(month)}` : `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function daysIn(year, month) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The ISO date (YYYY-MM-DD) a person typed, or null. */
export function parseDate(text) {
  const match = /^\s*(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?|(\d{2})(\d{2}))\s*$/.exec(text ?? '');
  if (!match) {
    return null;
  }
  const year = Number(match[1]);
  const month = Number(match[2] ?? match[4]);
  const day = Number(match[3] ?? match[5]);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
    return null;
  }
  return toIso(year, month, day);
}

/** The ISO month (YYYY-MM) a person typed, or null. */
export function parseMonth(text) {
  const match = /^\s*(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*月?|(\d{2}))\s*$/.exec(text ?? '');
  if (!match) {
    return null;
  }
  const month = Number(match[2] ?? match[3]);
  return month >= 1 && month <= 12 ? toIso(Number(match[1]), month) : null;
}

/** How a value is shown: dates always as YYYY-MM-DD; months as 2026年10月, or 2026-10 on English pages. */
export function displayOf(kind, iso, language) {
  if (!iso) {
    return '';
  }
  if (kind === 'month') {
    const [year, month] = iso.split('-');
    return language === 'en' ? `${year}-${month}` : `${year}年${Number(month)}月`;
  }
  return iso;
}

const TEXT = {
  zh: {
    open: { date: '选择日期', month: '选择月份' },
    previous: { date: '上个月', month: '上一年' },
    next: { date: '下个月', month: '下一年' },
    invalid: { date: '请按 2026-10-31 的格式填写日期', month: '请按 2026年10月 或 2026-10 的格式填写月份' },
    title: (year, month) => (month ? `${year}年${month}月` : `${year}年`),
    monthName: (month) => `${month}月`,
    today: '今天',
  },
  en: {
    open: { date: 'Choose a date', month: 'Choose a month' },
    previous: { date: 'Previous month', month: 'Previous year' },
    next: { date: 'Next month', month: 'Next year' },
    invalid: { date: 'Write the date as 2026-10-31', month: 'Write the month as 2026-10' },
    title: (year, month) => (month ? `${MONTHS_EN[month - 1]} ${year}` : String(year)),
    monthName: (month) => MONTHS_EN[month - 1],
    today: 'Today',
  },
};

let fieldCount = 0; // only makes element ids unique on the page

export class DateField {
  /**
   * input: an <input> (made a text input here); kind: 'date' or 'month'; onChange(value) after the person chose a
   * valid value or cleared the field ('' then). A default (e.g. the model's as-of date) is shown until one is chosen.
   */
  constructor(input, { kind = 'date', language = 'zh', value = '', onChange } = {}) {
    this.input = input;
    this.kind = kind;
    this.language = language;
    this.onChange = onChange;
    this.chosen = value || '';
    this.fallback = '';
    this.id = ++fieldCount;
    input.type = 'text';
    input.inputMode = 'numeric';
    input.autocomplete = 'off';
    input.spellcheck = false;
    input.classList.add('date-input');
    input.dataset.kind = kind;
    input.size = kind === 'month' ? 9 : 10;

    this.wrapper = document.createElement('span');
    this.wrapper.className = 'date-field';
    input.replaceWith(this.wrapper);
    this.button = document.createElement('button');
    this.button.type = 'button';
    this.button.className = 'date-button';
    this.button.setAttribute('aria-haspopup', 'dialog');
    this.button.setAttribute('aria-expanded', 'false');
    this.button.textContent = '▾';
    this.popup = document.createElement('div');
    this.popup.className = 'date-popup';
    this.popup.id = `date-popup-${this.id}`;
    this.popup.setAttribute('role', 'dialog');
    this.popup.hidden = true;
    this.button.setAttribute('aria-controls', this.popup.id);
    this.wrapper.append(input, this.button, this.popup);

    input.addEventListener('change', () => this.commit());
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        this.commit();
      } else if (event.key === 'ArrowDown' && event.altKey) {
        event.preventDefault();
        this.open();
      } else if (event.key === 'Escape') {
        this.close(false);
      }
    });
    input.addEventListener('input', () => { delete input.dataset.default; });
    this.button.addEventListener('click', () => (this.popup.hidden ? this.open() : this.close(true)));
    this.popup.addEventListener('keydown', (event) => this.onPopupKey(event));
    this.outside = (event) => {
      if (!this.wrapper.contains(event.target)) {
        this.close(false);
      }
    };
    this.render();
  }

  /** The chosen ISO value ('' when none was chosen: the server's default applies). */
  get value() {
    return this.chosen;
  }

  set value(iso) {
    this.chosen = iso || '';
    this.render();
  }

  /** The value shown while nothing is chosen, e.g. the model's as-of date; it is not sent anywhere. */
  setDefault(iso) {
    this.fallback = iso || '';
    this.render();
  }

  setLanguage(language) {
    this.language = language;
    this.render();
    if (!this.popup.hidden) {
      this.drawPopup();
    }
  }

  render() {
    const text = TEXT[this.language] ?? TEXT.zh;
    // pattern attributes are compiled with the v flag: punctuation inside a class must be escaped
    this.input.pattern = this.kind === 'month'
      ? String.raw`\s*\d{4}\s*([\-\/\.年]\s*\d{1,2}\s*月?|\d{2})\s*`
      : String.raw`\s*\d{4}\s*([\-\/\.年]\s*\d{1,2}\s*[\-\/\.月]\s*\d{1,2}\s*日?|\d{4})\s*`;
    // an example in the user's spelling: the default shown (the model's date), else this month; never a fixed date
    const example = (this.fallback || new Date().toISOString()).slice(0, 7);
    this.input.placeholder = this.kind === 'month' ? displayOf('month', example, this.language) : 'YYYY-MM-DD';
    this.input.title = text.invalid[this.kind];
    this.input.dataset.value = this.chosen;
    this.button.setAttribute('aria-label', text.open[this.kind]);
    this.button.title = text.open[this.kind];
    this.input.setCustomValidity('');
    this.input.removeAttribute('aria-invalid');
    if (this.chosen) {
      this.input.value = displayOf(this.kind, this.chosen, this.language);
      delete this.input.dataset.default;
    } else if (this.fallback) {
      this.input.value = displayOf(this.kind, this.fallback, this.language);
      this.input.dataset.default = 'true';
    } else {
      this.input.value = '';
      delete this.input.dataset.default;
    }
  }

  /** Reads what was typed: a valid value is kept and shown the standard way; a wrong one stays, marked, unsent. */
  commit() {
    const typed = this.input.value.trim();
    if (this.input.dataset.default === 'true') {
      return; // the default shown untouched: nothing chosen
    }
    if (!typed) {
      this.choose('');
      return;
    }
    const iso = this.kind === 'month' ? parseMonth(typed) : parseDate(typed);
    if (!iso) {
      const message = (TEXT[this.language] ?? TEXT.zh).invalid[this.kind];
      this.input.setCustomValidity(message);
      this.input.setAttribute('aria-invalid', 'true');
      this.input.reportValidity();
      return;
    }
    this.choose(iso);
  }

  choose(iso) {
    const changed = iso !== this.chosen;
    this.chosen = iso;
    this.render();
    if (changed) {
      this.onChange?.(iso);
    }
  }

  open() {
    const start = this.chosen || this.fallback || this.today();
    const [year, month, day] = start.split('-').map(Number);
    this.cursor = { year, month, day: day || 1 };
    this.popup.hidden = false;
    this.button.setAttribute('aria-expanded', 'true');
    this.drawPopup();
    document.addEventListener('pointerdown', this.outside);
    this.popup.querySelector('[tabindex="0"]')?.focus();
  }

  close(focusInput) {
    if (this.popup.hidden) {
      return;
    }
    this.popup.hidden = true;
    this.button.setAttribute('aria-expanded', 'false');
    document.removeEventListener('pointerdown', this.outside);
    if (focusInput) {
      this.input.focus();
    }
  }

  today() {
    const now = new Date();
    return toIso(now.getFullYear(), now.getMonth() + 1, now.getDate());
  }

  drawPopup() {
    const text = TEXT[this.language] ?? TEXT.zh;
    const { year, month } = this.cursor;
    const head = document.createElement('div');
    head.className = 'date-popup-head';
    const previous = document.createElement('button');
    previous.type = 'button';
    previous.textContent = '‹';
    previous.setAttribute('aria-label', text.previous[this.kind]);
    previous.addEventListener('click', () => this.move(this.kind === 'month' ? -12 : 0, this.kind === 'month' ? 0 : -1));
    const title = document.createElement('span');
    title.className = 'date-popup-title';
    title.setAttribute('aria-live', 'polite');
    title.textContent = this.kind === 'month' ? text.title(year) : text.title(year, month);
    const next = document.createElement('button');
    next.type = 'button';
    next.textContent = '›';
    next.setAttribute('aria-label', text.next[this.kind]);
    next.addEventListener('click', () => this.move(this.kind === 'month' ? 12 : 0, this.kind === 'month' ? 0 : 1));
    head.append(previous, title, next);
    this.popup.setAttribute('aria-label', title.textContent);
    const grid = this.kind === 'month' ? this.monthGrid(text) : this.dayGrid(text);
    this.popup.replaceChildren(head, grid);
  }

  dayGrid(text) {
    const { year, month, day } = this.cursor;
    const grid = document.createElement('table');
    grid.className = 'date-grid';
    grid.setAttribute('role', 'grid');
    const head = document.createElement('tr');
    for (const name of WEEKDAYS[this.language] ?? WEEKDAYS.zh) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = name;
      head.append(th);
    }
    const thead = document.createElement('thead');
    thead.append(head);
    const body = document.createElement('tbody');
    // Monday first, as Chinese calendars print it
    const lead = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7;
    const days = daysIn(year, month);
    let row = document.createElement('tr');
    for (let i = 0; i < lead; i += 1) {
      row.append(document.createElement('td'));
    }
    for (let d = 1; d <= days; d += 1) {
      const iso = toIso(year, month, d);
      const cell = document.createElement('td');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = String(d);
      button.dataset.date = iso;
      button.tabIndex = d === day ? 0 : -1;
      button.setAttribute('aria-label', iso);
      if (iso === this.chosen) {
        button.setAttribute('aria-selected', 'true');
      }
      if (iso === this.today()) {
        button.classList.add('today');
        button.title = text.today;
      }
      button.addEventListener('click', () => { this.choose(iso); this.close(true); });
      cell.append(button);
      row.append(cell);
      if ((lead + d) % 7 === 0) {
        body.append(row);
        row = document.createElement('tr');
      }
    }
    if (row.children.length > 0) {
      body.append(row);
    }
    grid.append(thead, body);
    return grid;
  }

  monthGrid(text) {
    const { year, month } = this.cursor;
    const grid = document.createElement('div');
    grid.className = 'month-grid';
    grid.setAttribute('role', 'grid');
    for (let m = 1; m <= 12; m += 1) {
      const iso = toIso(year, m);
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = text.monthName(m);
      button.dataset.month = iso;
      button.tabIndex = m === month ? 0 : -1;
      button.setAttribute('aria-label', displayOf('month', iso, this.language));
      if (iso === this.chosen) {
        button.setAttribute('aria-selected', 'true');
      }
      button.addEventListener('click', () => { this.choose(iso); this.close(true); });
      grid.append(button);
    }
    return grid;
  }

  /** Moves the cursor by months and days, keeping the focus in the grid. */
  move(months, days) {
    let { year, month, day } = this.cursor;
    if (months) {
      const index = year * 12 + (month - 1) + months;
      year = Math.floor(index / 12);
      month = (index % 12) + 1;
      day = Math.min(day, daysIn(year, month));
    }
    if (days) {
      const date = new Date(Date.UTC(year, month - 1, day + days));
      year = date.getUTCFullYear();
      month = date.getUTCMonth() + 1;
      day = date.getUTCDate();
    }
    this.cursor = { year, month, day };
    this.drawPopup();
    this.popup.querySelector('.date-grid [tabindex="0"], .month-grid [tabindex="0"]')?.focus();
  }

  onPopupKey(event) {
    const inGrid = event.target.closest('.date-grid, .month-grid');
    const month = this.kind === 'month';
    const steps = {
      ArrowLeft: month ? [-1, 0] : [0, -1],
      ArrowRight: month ? [1, 0] : [0, 1],
      ArrowUp: month ? [-3, 0] : [0, -7],
      ArrowDown: month ? [3, 0] : [0, 7],
      PageUp: month ? [-12, 0] : [-1, 0],
      PageDown: month ? [12, 0] : [1, 0],
    };
    if (event.key === 'Escape') {
      event.preventDefault();
      this.close(true);
    } else if (inGrid && steps[event.key]) {
      event.preventDefault();
      this.move(...steps[event.key]);
    } else if (inGrid && !month && (event.key === 'Home' || event.key === 'End')) {
      event.preventDefault();
      const { year, month: m, day } = this.cursor;
      const weekday = (new Date(Date.UTC(year, m - 1, day)).getUTCDay() + 6) % 7;
      this.move(0, event.key === 'Home' ? -weekday : 6 - weekday);
    } else if (event.key === 'Tab') {
      // keep the focus inside the popup: previous, next and the grid's current day
      const stops = [...this.popup.querySelectorAll('.date-popup-head button'),
        this.popup.querySelector('[role="grid"] [tabindex="0"]')].filter(Boolean);
      const index = stops.indexOf(document.activeElement);
      event.preventDefault();
      stops[(index + (event.shiftKey ? stops.length - 1 : 1)) % stops.length].focus();
    }
  }
}
