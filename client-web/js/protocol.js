// The only module that knows the wire format of shared/protocol.md (version 1): URLs, REST calls,
// message builders and parsing, and a WebSocket connection that reconnects by itself.
export const PROTOCOL_VERSION = 1;

// Close codes after which reconnecting would be wrong (protocol.md, WebSocket).
export const CLOSE_ENDED = 1000;
export const CLOSE_REPLACED = 4000;
export const CLOSE_REMOVED = 4001;
const FINAL_CLOSES = new Set([CLOSE_ENDED, CLOSE_REPLACED, CLOSE_REMOVED]);

const BACKOFF_FIRST_MS = 500;
const BACKOFF_MAX_MS = 10000;

// An error shaped like the protocol's: {code, field, message, status}.
export class ProtocolError extends Error {
  constructor({ code = 'internal', field = null, message = '' } = {}, status = 0) {
    super(message || code);
    this.code = code;
    this.field = field;
    this.status = status;
  }
}

// --- Links ----------------------------------------------------------------------------------
// Every URL is resolved against the page itself, so links name the address people actually reached
// (not the server's idea of it), and the client also works under a path prefix behind a proxy.

export function joinPageUrl(eventId, base = location.href) {
  return new URL(`join.html?event=${encodeURIComponent(eventId)}`, base).href;
}

export function hostPageUrl(eventId, hostToken, base = location.href) {
  return new URL(`host.html?event=${encodeURIComponent(eventId)}#key=${encodeURIComponent(hostToken)}`, base).href;
}

export function eventIdFromLocation(loc = location) {
  return new URLSearchParams(loc.search).get('event') || '';
}

export function hostTokenFromLocation(loc = location) {
  return new URLSearchParams(loc.hash.replace(/^#/, '')).get('key') || '';
}

function socketUrl(eventId, token) {
  const url = new URL(`ws?event=${encodeURIComponent(eventId)}&token=${encodeURIComponent(token)}`, location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

// --- REST -----------------------------------------------------------------------------------

async function request(method, path, body) {
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ProtocolError({ code: 'network' }, 0);
  }
  let data = null;
  try { data = await response.json(); } catch { /* empty or not JSON */ }
  if (!response.ok) {
    const fallback = { code: response.status === 404 ? 'not_found' : 'internal' };
    throw new ProtocolError(data && data.type === 'error' ? data : fallback, response.status);
  }
  return data;
}

// settings: {title, table_size, min_table_size, max_table_size, rounds, round_seconds, break_seconds,
// prompts, video_link_template}. Resolves to {event, host_token, host_url, join_url}; the pages
// build their links with hostPageUrl / joinPageUrl rather than trust host_url / join_url, whose
// origin is the server's configured one (localhost by default).
export function createEvent(settings) {
  return request('POST', 'api/events', settings);
}

export function getEvent(eventId) {
  return request('GET', `api/events/${encodeURIComponent(eventId)}`);
}

// Resolves to {attendee_id, token}.
export function joinEvent(eventId, { name, organisation, role }) {
  return request('POST', `api/events/${encodeURIComponent(eventId)}/attendees`, { name, organisation, role });
}

// --- Client → server messages ---------------------------------------------------------------

export const messages = {
  chat: (text) => ({ type: 'chat', text }),
  leave: () => ({ type: 'leave' }),
  startEvent: () => ({ type: 'start_event' }),
  nextRound: () => ({ type: 'next_round' }),
  endRound: () => ({ type: 'end_round' }),
  extendRound: (minutes) => ({ type: 'extend_round', minutes }),
  broadcast: (text) => ({ type: 'broadcast', text }),
  moveAttendee: (attendeeId, table) => ({ type: 'move_attendee', attendee_id: attendeeId, table }),
  removeAttendee: (attendeeId) => ({ type: 'remove_attendee', attendee_id: attendeeId }),
  pause: () => ({ type: 'pause' }),
  resume: () => ({ type: 'resume' }),
  endEvent: () => ({ type: 'end_event' }),
};

// --- Server → client messages ---------------------------------------------------------------

const KNOWN_TYPES = new Set(['welcome', 'state', 'host_state', 'host_update', 'presence', 'chat', 'announcement',
  'storage', 'error']);

// A parsed server message, or null when it is not one this version knows.
export function parseMessage(raw) {
  let msg;
  try { msg = JSON.parse(raw); } catch { return null; }
  if (!msg || typeof msg !== 'object' || !KNOWN_TYPES.has(msg.type)) return null;
  return msg;
}

// The people of a `state` table other than the attendee (welcome's you.id): one state serves the whole table.
export function tablemates(table, youId) {
  return ((table && table.people) || []).filter((person) => person.id !== youId);
}

// Milliseconds to add to Date.now() to get the server's clock, from a welcome.
export function clockOffset(welcome, receivedAt = Date.now()) {
  return typeof welcome.server_time === 'number' ? welcome.server_time - receivedAt : 0;
}

// The delay before reconnect attempt n (0-based): doubling from 0.5 s, capped at 10 s, with jitter
// between half and all of it so that a restarted server is not hit by every browser at once.
export function backoffDelay(attempt, random = Math.random) {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** attempt);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

// --- Connection -----------------------------------------------------------------------------

// One WebSocket to the event, reopened with backoff until a final close or close().
// handlers: onMessage(msg), onStatus({state, code, failures, local}) with state 'connecting' |
// 'open' | 'reconnecting' | 'closed' ('local' when close() did it). 'failures' counts attempts in a
// row that never opened, which is how a rejected token shows (the browser hides the HTTP status of
// a refused upgrade).
export class Connection {
  constructor(eventId, token, { onMessage = () => {}, onStatus = () => {} } = {}) {
    this.url = socketUrl(eventId, token);
    this.onMessage = onMessage;
    this.onStatus = onStatus;
    this.socket = null;
    this.attempt = 0;
    this.failures = 0;
    this.timer = null;
    this.stopped = false;
    this.nextRef = 1;
  }

  start() {
    this.stopped = false;
    clearTimeout(this.timer);
    this.open();
  }

  open() {
    this.onStatus({ state: this.attempt === 0 ? 'connecting' : 'reconnecting', failures: this.failures });
    const socket = new WebSocket(this.url);
    this.socket = socket;
    let opened = false;
    socket.addEventListener('open', () => {
      opened = true;
      this.attempt = 0;
      this.failures = 0;
      this.onStatus({ state: 'open' });
    });
    socket.addEventListener('message', (event) => {
      for (const line of String(event.data).split('\n')) {
        const msg = parseMessage(line);
        if (msg) this.onMessage(msg);
      }
    });
    socket.addEventListener('close', (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (!opened) this.failures += 1;
      if (this.stopped || FINAL_CLOSES.has(event.code)) {
        const local = this.stopped;
        this.stopped = true;
        this.onStatus({ state: 'closed', code: event.code, local });
        return;
      }
      const delay = backoffDelay(this.attempt);
      this.attempt += 1;
      this.onStatus({ state: 'reconnecting', code: event.code, failures: this.failures });
      this.timer = setTimeout(() => this.open(), delay);
    });
  }

  // Send a message built by `messages`; returns its ref (echoed by an error), or null when offline.
  send(message) {
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) return null;
    const ref = this.nextRef++;
    this.socket.send(JSON.stringify({ ...message, ref }));
    return ref;
  }

  // Stop for good: no more reconnects.
  close() {
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.socket) this.socket.close(1000);
  }
}

// A browser cannot read why an upgrade was refused. After every few attempts in a row that never opened,
// ask the REST API: 'event_gone' when the event no longer exists, 'token_rejected' when the server is up
// (so it refuses the token), null to keep trying (the server is down).
export const FAILURES_BEFORE_PROBE = 3;
export async function diagnoseRefusal(eventId, failures) {
  if (failures < FAILURES_BEFORE_PROBE || failures % FAILURES_BEFORE_PROBE !== 0) return null;
  try {
    await getEvent(eventId);
  } catch (err) {
    return err.status === 404 ? 'event_gone' : null;
  }
  return 'token_rejected';
}
