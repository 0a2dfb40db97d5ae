// The JSON API: every failure becomes an ApiError carrying the server's code, message and request id.
export class ApiError extends Error {
  constructor(status, code, message, requestId) {
    super(message);
    this.status = status;
    this.code = code;
    this.requestId = requestId;
  }
}

/** Query string from an object; arrays repeat their key (filter=a&filter=b); empty values are left out. */
export function queryString(params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null && item !== '') {
        query.append(key, item);
      }
    }
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

function toLogin() {
  const next = encodeURIComponent(location.pathname + location.search);
  location.assign(`/login.html?next=${next}`);
}

async function failure(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  return new ApiError(
    response.status,
    body?.code ?? 'http_' + response.status,
    body?.message ?? response.statusText,
    body?.requestId ?? response.headers.get('X-Request-Id'));
}

async function send(url, init) {
  let response;
  try {
    response = await fetch(url, init);
  } catch (cause) {
    throw new ApiError(0, 'network', String(cause), null);
  }
  if (response.status === 401) {
    // Not signed in (or the session ended): sign in, then come back here.
    toLogin();
    throw new ApiError(401, 'unauthenticated', 'sign in first', response.headers.get('X-Request-Id'));
  }
  if (!response.ok) {
    throw await failure(response);
  }
  return response;
}

export async function getJson(path, params = {}) {
  const response = await send(path + queryString(params), { headers: { Accept: 'application/json' } });
  return response.json();
}

export async function deleteJson(path, body) {
  const response = await send(path, {
    method: 'DELETE',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return response.json();
}

export async function postJson(path, body) {
  const response = await send(path, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return response.json();
}

/** Saves a POST's file answer (e.g. an SQL export) under the name the server gives it. */
export async function postForFile(path, body) {
  const response = await send(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const blob = await response.blob();
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition);
  const name = encoded ? decodeURIComponent(encoded[1]) : 'export';
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** Uploads a file with progress (fetch cannot report upload progress); resolves with the batch summary. */
export function uploadFile(dataset, file, onProgress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    const body = new FormData();
    body.append('file', file, file.name);
    request.open('POST', `/api/v1/ingest/${encodeURIComponent(dataset)}`);
    request.setRequestHeader('Accept', 'application/json');
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) {
        onProgress(event.loaded / event.total);
      }
    });
    request.addEventListener('load', () => {
      let json = null;
      try {
        json = JSON.parse(request.responseText);
      } catch {
        json = null;
      }
      if (request.status === 401) {
        toLogin();
      }
      if (request.status >= 200 && request.status < 300) {
        resolve(json);
      } else {
        reject(new ApiError(request.status, json?.code ?? 'http_' + request.status,
          json?.message ?? request.statusText, json?.requestId ?? null));
      }
    });
    request.addEventListener('error', () => reject(new ApiError(0, 'network', 'upload failed', null)));
    request.send(body);
  });
}

export const api = {
  catalog: () => getJson('/api/v1/meta'),
  me: () => getJson('/api/v1/me'),
  heatmap: (params) => getJson('/api/v1/heatmap', params),
  figures: (params) => getJson('/api/v1/figures', params),
  compare: (params) => getJson('/api/v1/figures/compare', params),
  trends: (params) => getJson('/api/v1/trends', params),
  hazards: (params) => getJson('/api/v1/hazards', params),
  school: (code, params) => getJson(`/api/v1/schools/${encodeURIComponent(code)}`, params),
  hazard: (school, id) => getJson(`/api/v1/hazards/${encodeURIComponent(school)}/${encodeURIComponent(id)}`),
  riskiestSchools: (params) => getJson('/api/v1/schools', params),
  goals: (params) => getJson('/api/v1/goals', params),
  campaigns: () => getJson('/api/v1/campaigns'),
  campaignGoals: (id, params) => getJson(`/api/v1/campaigns/${encodeURIComponent(id)}/goals`, params),
  campaignStockFlow: (id, params) => getJson(`/api/v1/campaigns/${encodeURIComponent(id)}/stock-flow`, params),
  campaignOutlook: (id, params) => getJson(`/api/v1/campaigns/${encodeURIComponent(id)}/outlook`, params),
  warnings: (params) => getJson('/api/v1/warnings', params),
  /** One warning list's page: list is its code (overdue_hazards …), params as warnings plus offset and limit. */
  warningList: (list, params) => getJson(`/api/v1/warnings/${encodeURIComponent(list)}`, params),
  trust: (params) => getJson('/api/v1/trust', params),
  trustSchool: (code) => getJson(`/api/v1/trust/schools/${encodeURIComponent(code)}`),
  batches: () => getJson('/api/v1/batches'),
  batch: (id) => getJson(`/api/v1/batches/${encodeURIComponent(id)}`),
  withdrawBatch: (id, reason) => deleteJson(`/api/v1/batches/${encodeURIComponent(id)}`, { reason }),
  sqlSchema: () => getJson('/api/v1/sql/schema'),
  sql: (body) => postJson('/api/v1/sql', body),
};

// Kept for the pages written before the api object.
export const fetchCatalog = api.catalog;
export const fetchMe = api.me;
export const fetchHeatmap = ({ rows, columns, metric, asOf, filter }) =>
  api.heatmap({ rows, columns, metric, asOf, filter });

export async function logout() {
  await fetch('/api/v1/logout', { method: 'POST' });
  location.assign('/login.html');
}
