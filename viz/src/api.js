// The HTTP API client: one function per endpoint of /api/v1. Ids are decimal strings.
// Every call rejects with an ApiError carrying the server's {"error":{code,message}}.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message || code || `HTTP ${status}`);
    this.status = status;
    this.code = code || 'http_error';
  }
}

const BASE = 'api/v1';

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) {
      if (v.length) q.set(k, v.join(','));
    } else q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

export async function get(path, params, { signal } = {}) {
  let res;
  try {
    res = await fetch(`${BASE}${path}${query(params)}`, { signal, headers: { Accept: 'application/json' } });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', `network error: ${e.message}`);
  }
  const text = await res.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!res.ok) {
    const err = body && body.error ? body.error : {};
    throw new ApiError(res.status, err.code, err.message || `${res.status} ${res.statusText}`);
  }
  if (body === null) throw new ApiError(res.status, 'bad_json', `not JSON: ${path}`);
  return body;
}

// A POST of a JSON body that reads (the query language); same errors as get().
export async function postJson(path, body) {
  let res;
  try {
    res = await fetch(`${BASE}${path}`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, 'network', `network error: ${e.message}`);
  }
  let parsed = null;
  try {
    parsed = await res.json();
  } catch {
    parsed = null;
  }
  if (!res.ok) {
    const err = parsed && parsed.error ? parsed.error : {};
    throw new ApiError(res.status, err.code, err.message || `${res.status} ${res.statusText}`);
  }
  if (parsed === null) throw new ApiError(res.status, 'bad_json', `not JSON: ${path}`);
  return parsed;
}

export async function getText(path, params) {
  const res = await fetch(`${BASE}${path}${query(params)}`);
  if (!res.ok) throw new ApiError(res.status, 'http_error', `${res.status} ${res.statusText}`);
  return res.text();
}

export const api = {
  stats: () => get('/stats'),
  search: (q, { type, limit = 10 } = {}, opts) => get('/search', { q, type, limit }, opts),
  node: (id) => get(`/nodes/${encodeURIComponent(id)}`),
  neighbors: (id, params) => get(`/nodes/${encodeURIComponent(id)}/neighbors`, params),
  edge: (id) => get(`/edges/${encodeURIComponent(id)}`),
  paths: (from, to, { max_depth = 4, k = 3 } = {}) => get('/paths', { from, to, max_depth, k }),
  subgraph: (params) => get('/subgraph', params),
  analytics: (metric, { type, limit = 50 } = {}) => get(`/analytics/${metric}`, { type, limit }),
  events: (params) => get('/events', params),
  query: (body) => postJson('/query', body),
  exportUrl: (params) => `${BASE}/export${query({ format: 'graphml', ...params })}`,
};
