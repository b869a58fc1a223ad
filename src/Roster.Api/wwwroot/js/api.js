// The page is a client of the public API like any other: bearer token in sessionStorage, problem details on errors.
const TOKEN = 'roster.token';
const CLOCK = 'roster.clockOffset';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }
}

export const session = {
  get token() { return sessionStorage.getItem(TOKEN); },
  start(token) {
    sessionStorage.setItem(TOKEN, token);
    // The server's "now" (its clock may differ from this device's): the token's issued-at claim.
    try {
      const claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
      const issued = (claims.iat ?? claims.nbf) * 1000;
      if (Number.isFinite(issued)) sessionStorage.setItem(CLOCK, String(issued - Date.now()));
    } catch { sessionStorage.removeItem(CLOCK); }
  },
  end() { sessionStorage.removeItem(TOKEN); sessionStorage.removeItem(CLOCK); },
};

/** The server's current time, as the token's issue time told it, moved on by this device's elapsed time. */
export const serverNow = () => new Date(Date.now() + Number(sessionStorage.getItem(CLOCK) ?? 0));

let onUnauthorized = () => {};
export const whenSignedOut = (handler) => { onUnauthorized = handler; };

/** Calls the API; with a version, sends it as If-Match (the resource's ETag), so a stale change answers 412. */
export async function api(method, path, body, version) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (session.token) headers.Authorization = `Bearer ${session.token}`;
  if (version !== undefined) headers['If-Match'] = `"${version}"`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(`/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, { title: 'network' });
  }
  if (!response.ok) {
    let problem = {};
    try { problem = await response.json(); } catch { /* not JSON */ }
    if (response.status === 401 && path !== '/auth/token') onUnauthorized();
    throw new ApiError(response.status, problem);
  }
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') ?? '';
  return type.includes('json') ? response.json() : response.blob();
}

export const get = (path) => api('GET', path);
export const post = (path, body = {}) => api('POST', path, body);
export const put = (path, body) => api('PUT', path, body);

/** Every item of a keyset-paginated list. */
export async function all(path, max = 2000) {
  const items = [];
  let after = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page = await get(`${path}${sep}limit=200${after ? `&after=${encodeURIComponent(after)}` : ''}`);
    items.push(...page.items);
    after = page.nextCursor;
  } while (after && items.length < max);
  return items;
}

/** Downloads a file the API serves (with the token), under the given name. */
export async function download(path, filename) {
  const blob = await get(path);
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
