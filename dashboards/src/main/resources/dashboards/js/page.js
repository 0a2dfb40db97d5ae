// The frame every page shares: title, navigation by role, current user and scope, language switch, sign-out.
// Chinese is the default; ?lang=en (remembered in the URL and locally) switches every page to English.
import { api, logout } from './api.js';
import { DateField } from './datefield.js';
import { loadNames } from './names.js';

const NAV = [
  { page: 'index.html', zh: '总览', en: 'Overview', roles: ['LEADER'] },
  // issue 22 (map and wall screen)
  { page: 'map.html', zh: '一张图', en: 'Map', roles: ['LEADER'] },
  { page: 'screen.html', zh: '大屏', en: 'Wall screen', roles: ['LEADER'] },
  { page: 'hazards.html', zh: '隐患清单', en: 'Hazards', roles: ['LEADER'] },
  { page: 'goals.html', zh: '三年行动目标', en: 'Campaign goals', roles: ['LEADER'] },
  { page: 'warnings.html', zh: '预警', en: 'Warnings', roles: ['LEADER'] },
  // issue 20 (ledger trust audit)
  { page: 'trust.html', zh: '数据质量', en: 'Data quality', roles: ['LEADER'] },
  { page: 'sql.html', zh: '数据查询', en: 'SQL console', roles: ['ANALYST'] },
  { page: 'upload.html', zh: '数据报送', en: 'Data submission', roles: ['CLERK', 'LEADER'] },
  { page: 'reports.html', zh: '报告', en: 'Reports', roles: ['LEADER'] },
];

// ADMIN may do everything; ANALYST is a LEADER with the SQL console.
const GRANTS = { ADMIN: ['ADMIN', 'ANALYST', 'LEADER', 'CLERK'], ANALYST: ['ANALYST', 'LEADER'], LEADER: ['LEADER'], CLERK: ['CLERK'] };

export function currentLanguage() {
  const asked = new URL(location.href).searchParams.get('lang');
  if (asked === 'en' || asked === 'zh') {
    localStorage.setItem('xiaoan.lang', asked);
    return asked;
  }
  return localStorage.getItem('xiaoan.lang') === 'en' ? 'en' : 'zh';
}

/** Text in the page's language: tr({zh, en}). */
export function tr(text, language) {
  return language === 'en' ? text.en : text.zh;
}

export function mayUse(me, role) {
  return (GRANTS[me?.role] ?? []).includes(role);
}

/** A link to another page keeping the language. */
export function pageLink(page, params = {}, language) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null && item !== '') {
        query.append(key, item);
      }
    }
  }
  if (language === 'en') {
    query.set('lang', 'en');
  }
  const text = query.toString();
  return text ? `${page}?${text}` : page;
}

/**
 * Draws the header into <header id="shell"> and reads who is signed in. onLanguage(language) is called after a
 * switch so the page redraws its own text. Resolves with { me, language }.
 */
export async function startPage({ title, active, onLanguage, share = false }) {
  const shell = document.getElementById('shell');
  shell.classList.add('page-header');
  shell.innerHTML = `
    <div class="titles">
      <h1 id="page-title"></h1>
      <p id="meta" class="meta" aria-live="polite"></p>
    </div>
    <nav id="nav" class="nav" aria-label="页面 Pages"></nav>
    <div class="user-box">
      <span id="user" aria-live="polite"></span>
      <button id="language" type="button" class="language"></button>
      <button id="logout" type="button"></button>
    </div>`;
  const context = { me: null, language: currentLanguage() };
  const draw = () => {
    const language = context.language;
    document.documentElement.lang = language === 'en' ? 'en' : 'zh-CN';
    const heading = tr(title, language);
    document.getElementById('page-title').textContent = heading;
    document.title = heading;
    document.getElementById('language').textContent = language === 'en' ? '中文' : 'English';
    document.getElementById('language').lang = language === 'en' ? 'zh-CN' : 'en';
    document.getElementById('logout').textContent = language === 'en' ? 'Sign out' : '退出';
    const nav = document.getElementById('nav');
    nav.replaceChildren(...NAV.filter((item) => !context.me || item.roles.some((role) => mayUse(context.me, role)))
      .map((item) => {
        const link = document.createElement('a');
        link.href = pageLink(item.page, {}, language);
        link.textContent = tr(item, language);
        if (item.page === active) {
          link.setAttribute('aria-current', 'page');
        }
        return link;
      }));
    context.drawShare?.();
    if (context.me) {
      const me = context.me;
      const scope = me.scope === 'city' ? tr({ zh: '全市', en: 'whole city' }, language)
        : (context.names?.name('district', me.scope, language) ?? me.scope);
      document.getElementById('user').textContent =
        `${me.username} · ${language === 'en' ? me.roleEn : me.roleZh} · ${scope}`;
    }
  };
  document.getElementById('language').addEventListener('click', () => {
    context.language = context.language === 'en' ? 'zh' : 'en';
    localStorage.setItem('xiaoan.lang', context.language);
    const next = new URL(location.href);
    next.searchParams.set('lang', context.language);
    history.replaceState(null, '', next);
    draw();
    onLanguage?.(context.language);
  });
  document.getElementById('logout').addEventListener('click', () => logout());
  if (share) {
    addShareButton(context);
  }
  draw();
  try {
    context.me = await api.me();
  } catch {
    context.me = null; // the page's own requests report the failure (or send the visitor to sign in)
  }
  if (context.me && context.me.scope !== 'city') {
    context.names = await loadNames(); // a district user's scope is shown by its name
  }
  draw();
  return context;
}

/** Marks the page ready for tests and the UI benchmark once every given promise settled. */
export function whenSettled(promises, after) {
  return Promise.allSettled(promises).then(() => {
    after?.();
    document.body.dataset.ready = 'true';
    document.body.dataset.readyAt ??= String(Math.round(performance.now()));
  });
}

/** An error as people should read it: the server's message, with the request id to quote. */
export function describeError(error, language) {
  if (error?.code === 'no_model') {
    return tr({ zh: '尚未构建模型：请先运行 bin/xiaoan build，然后刷新本页。',
      en: 'No model has been built yet: run bin/xiaoan build, then reload this page.' }, language);
  }
  if (error?.code === 'network') {
    return tr({ zh: '无法连接服务器，请确认 xiaoan serve 正在运行后刷新本页。',
      en: 'Cannot reach the server: check that xiaoan serve is running, then reload this page.' }, language);
  }
  const prefix = tr({ zh: '加载失败：', en: 'Could not load: ' }, language);
  const id = error?.requestId ? tr({ zh: `（请求编号 ${error.requestId}）`, en: ` (request id ${error.requestId})` }, language) : '';
  return prefix + (error?.message ?? String(error)) + id;
}

// --- Share and print (issue 22) -----------------------------------------------------------------------------------
// Every page keeps its filters in the URL; "copy link" copies that URL (with the language) so a colleague opens the
// same view. navigator.clipboard needs a secure context (https or localhost): elsewhere the older copy command is
// used, and failing both the link is shown selected for Ctrl+C.

/** Copies text; resolves true when the clipboard took it. */
async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    let copied = false;
    try {
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
    area.remove();
    return copied;
  }
}

/** The link to this view: the page, its filters (all in the URL) and the language. */
export function shareLink(language) {
  const link = new URL(location.href);
  link.searchParams.set('lang', language);
  return link.toString();
}

/** The local time as 2026-10-31 14:05, whatever the browser's locale. */
function stamp(date) {
  const two = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** On paper, under the title: the link to this view and when it was printed, so a printout can be traced back. */
function addPrintSource(context) {
  const line = document.createElement('p');
  line.className = 'print-only print-source';
  document.querySelector('#shell .titles').append(line);
  const update = () => {
    line.textContent = tr({ zh: `打印自 ${shareLink(context.language)} · ${stamp(new Date())}`,
      en: `Printed from ${shareLink(context.language)} · ${stamp(new Date())}` }, context.language);
  };
  window.addEventListener('beforeprint', update);
  return update;
}

function addShareButton(context) {
  const printSource = addPrintSource(context);
  const box = document.querySelector('#shell .user-box');
  const button = document.createElement('button');
  button.type = 'button';
  button.id = 'copy-link';
  button.className = 'share';
  const status = document.createElement('span');
  status.id = 'copy-status';
  status.className = 'copy-status';
  status.setAttribute('role', 'status');
  box.prepend(button, status);
  context.drawShare = () => {
    printSource();
    button.textContent = tr({ zh: '复制链接', en: 'Copy link' }, context.language);
    button.title = tr({ zh: '复制带有当前筛选条件的链接', en: 'Copy a link to this view with its filters' }, context.language);
  };
  button.addEventListener('click', async () => {
    const link = shareLink(context.language);
    button.dataset.link = link;
    const copied = await copyText(link);
    status.dataset.copied = String(copied);
    if (copied) {
      status.textContent = tr({ zh: '已复制链接', en: 'Link copied' }, context.language);
    } else {
      status.textContent = '';
      const field = document.createElement('input');
      field.value = link;
      field.readOnly = true;
      field.size = 40;
      field.setAttribute('aria-label', tr({ zh: '本页链接，请按 Ctrl+C 复制', en: 'Link to this view: press Ctrl+C' }, context.language));
      status.append(field);
      field.select();
    }
    clearTimeout(status.timer);
    status.timer = setTimeout(() => { status.textContent = ''; }, 6000);
  });
}

/**
 * Makes an as-of date input a date field (2026-10-31 whatever the browser locale) whose value lives in the URL as
 * asOf; onChange(value) after a choice. The page shows the as-of date its answer used with field.setDefault(date).
 */
export function asOfField(input, language, onChange) {
  const url = new URL(location.href);
  const field = new DateField(input, { kind: 'date', language, value: url.searchParams.get('asOf') ?? '',
    onChange: (value) => {
      const next = new URL(location.href);
      if (value) {
        next.searchParams.set('asOf', value);
      } else {
        next.searchParams.delete('asOf');
      }
      history.replaceState(null, '', next);
      onChange(value);
    } });
  input.form?.addEventListener('submit', (event) => event.preventDefault());
  return field;
}
