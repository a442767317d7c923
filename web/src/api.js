// JSON API client: one place that builds URLs, decodes errors of the form
// {"error":{"kind","message"}} and turns network failures into messages.

export class APIError extends Error {
  constructor(kind, message, status) {
    super(message);
    this.kind = kind;
    this.status = status;
  }
}

/** Encodes a path segment, keeping ':' (document IDs are "sha256:…"). */
export function seg(v) {
  return encodeURIComponent(String(v)).replace(/%3A/gi, ':');
}

export function qs(params) {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v === undefined || v === null || v === '') continue;
    u.set(k, String(v));
  }
  const str = u.toString();
  return str ? '?' + str : '';
}

export async function getJSON(path, params, signal) {
  let res;
  try {
    res = await fetch(path + qs(params), { headers: { Accept: 'application/json' }, signal });
  } catch (err) {
    if (err && err.name === 'AbortError') throw err;
    throw new APIError('network', 'The server could not be reached (' + (err?.message || 'network error') + ').', 0);
  }
  let body = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON */
  }
  if (!res.ok) {
    const e = body && body.error;
    throw new APIError(e?.kind || 'http', e?.message || `Request failed with HTTP ${res.status}.`, res.status);
  }
  if (body === null) throw new APIError('decode', 'The server sent a response that is not JSON.', res.status);
  return body;
}

export const api = {
  health: (signal) => getJSON('/healthz', null, signal),
  documents: (p, signal) => getJSON('/api/documents', p, signal),
  document: (id, signal) => getJSON('/api/documents/' + seg(id), null, signal),
  events: (p, signal) => getJSON('/api/events', p, signal),
  actors: (p, signal) => getJSON('/api/actors', p, signal),
  network: (p, signal) => getJSON('/api/network', p, signal),
  timeline: (p, signal) => getJSON('/api/timeline', p, signal),
  places: (p, signal) => getJSON('/api/places', p, signal),
};
