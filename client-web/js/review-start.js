// What the review page starts before the rest of its modules have loaded: review.html loads this module
// `async`, so it runs as soon as it and protocol.js are in, and review.js imports the same instance.
// The layout worker's start-up and the two review requests then overlap the loading of the page.
import { eventIdFromLocation, hostTokenFromLocation, seriesIdFromLocation } from './protocol.js';

// A series link (?series=ID) opens the review of the whole series; else an event's.
export const seriesId = seriesIdFromLocation();
export const eventId = seriesId ? '' : eventIdFromLocation();
const token = hostTokenFromLocation();
const base = seriesId ? `api/series/${encodeURIComponent(seriesId)}/review`
  : `api/events/${encodeURIComponent(eventId)}/review`;

export class ReviewError extends Error {
  constructor(status, body) {
    super(`review request failed: ${status}`);
    this.status = status;
    this.body = body;
  }
}

// A review request with the token in the Authorization header (never in a URL): the Response, or a
// ReviewError (status 0 when the network failed).
export async function get(path) {
  let response;
  try {
    response = await fetch(`${base}/${path}`, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
  } catch {
    throw new ReviewError(0, { code: 'network' });
  }
  if (!response.ok) {
    let body = null;
    try { body = await response.json(); } catch { /* not JSON */ }
    throw new ReviewError(response.status, body);
  }
  return response;
}

const json = (path) => {
  const answer = get(path).then((response) => response.json());
  answer.catch(() => {}); // handled by review.js when it reads it; not an unhandled rejection meanwhile
  return answer;
};

// null without an event (or series) or a token: review.js says what is missing.
export const early = (eventId || seriesId) && token ? {
  graph: json('graph'),
  report: json('report'),
  worker: typeof Worker === 'function' ? new Worker(new URL('./review-layout-worker.js', import.meta.url), { type: 'module' }) : null,
} : null;
