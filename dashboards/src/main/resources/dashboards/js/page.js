// The frame every page shares: title, navigation by role, current user and scope, language switch, sign-out.
// Chinese is the default; ?lang=en (remembered in the URL and locally) switches every page to English.
import { api, logout } from './api.js';

const NAV = [
  { page: 'index.html', zh: '总览', en: 'Overview', roles: ['LEADER'] },
  // issue 22 (map and wall screen)
  { page: 'map.html', zh: '一张图', en: 'Map', roles: ['LEADER'] },
  { page: 'screen.html', zh: '大屏', en: 'Wall screen', roles: ['LEADER'] },
  { page: 'hazards.html', zh: '隐患清单', en: 'Hazards', roles: ['LEADER'] },
  { page: 'goals.html', zh: '三年行动目标', en: 'Campaign goals', roles: ['LEADER'] },
  { page: 'warnings.html', zh: '预警', en: 'Warnings', roles: ['LEADER'] },
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
export async function startPage({ title, active, onLanguage }) {
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
    if (context.me) {
      const me = context.me;
      const scope = me.scope === 'city' ? tr({ zh: '全市', en: 'whole city' }, language) : me.scope;
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
  draw();
  try {
    context.me = await api.me();
  } catch {
    context.me = null; // the page's own requests report the failure (or send the visitor to sign in)
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

/** Wires an as-of date input (its value in the URL as asOf) that calls onChange(value) when changed. */
export function asOfControl(input, onChange) {
  const url = new URL(location.href);
  input.value = url.searchParams.get('asOf') ?? '';
  input.addEventListener('change', () => {
    const next = new URL(location.href);
    if (input.value) {
      next.searchParams.set('asOf', input.value);
    } else {
      next.searchParams.delete('asOf');
    }
    history.replaceState(null, '', next);
    onChange(input.value);
  });
  input.form?.addEventListener('submit', (event) => event.preventDefault());
  return input.value;
}
