// The JSON API: every failure becomes an ApiError carrying the server's code, message and request id.
export class ApiError extends Error {
  constructor(status, code, message, requestId) {
    super(message);
    this.status = status;
    this.code = code;
    this.requestId = requestId;
  }
}

async function getJson(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') {
      query.set(key, value);
    }
  }
  const url = query.toString() ? `${path}?${query}` : path;
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch (cause) {
    throw new ApiError(0, 'network', String(cause), null);
  }
  if (response.status === 401) {
    // Not signed in (or the session ended): sign in, then come back here.
    const next = encodeURIComponent(location.pathname + location.search);
    location.assign(`/login.html?next=${next}`);
    throw new ApiError(401, 'unauthenticated', 'sign in first', response.headers.get('X-Request-Id'));
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    throw new ApiError(
      response.status,
      body?.code ?? 'http_' + response.status,
      body?.message ?? response.statusText,
      body?.requestId ?? response.headers.get('X-Request-Id'));
  }
  return body;
}

export function fetchCatalog() {
  return getJson('/api/v1/meta');
}

export function fetchHeatmap({ rows, columns, metric, asOf }) {
  return getJson('/api/v1/heatmap', { rows, columns, metric, asOf });
}

export function fetchMe() {
  return getJson('/api/v1/me');
}

export async function logout() {
  await fetch('/api/v1/logout', { method: 'POST' });
  location.assign('/login.html');
}
