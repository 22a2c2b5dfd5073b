// The only module that knows the wire format of shared/protocol.md (version 1): URLs, REST calls,
// message builders and parsing, and a WebSocket connection that reconnects by itself.
export const PROTOCOL_VERSION = 1;

// Close codes after which reconnecting would be wrong (protocol.md, WebSocket). Any other end of a
// connection, a network failure included, is followed by another attempt.
export const CLOSE_ENDED = 1000;
export const CLOSE_REPLACED = 4000;
export const CLOSE_REMOVED = 4001;
export const CLOSE_TOKEN_REFUSED = 4003;
export const CLOSE_EVENT_NOT_FOUND = 4004;
export const CLOSE_LINK_REVOKED = 4005;
export const CLOSE_EVENT_DELETED = 4006;
export const CLOSE_ERASED = 4007;
const FINAL_CLOSES = new Set([CLOSE_ENDED, CLOSE_REPLACED, CLOSE_REMOVED, CLOSE_TOKEN_REFUSED,
  CLOSE_EVENT_NOT_FOUND, CLOSE_LINK_REVOKED, CLOSE_EVENT_DELETED, CLOSE_ERASED]);

const BACKOFF_FIRST_MS = 500;
const BACKOFF_MAX_MS = 10000;
// Heartbeat (protocol.md): after this long without a message the client pings; after twice as long the
// server is taken for gone and the connection is replaced.
export const QUIET_MS = 10000;

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

// The review page (staff review), opened with a host link's token or a staff link's.
export function reviewPageUrl(eventId, token, base = location.href) {
  return new URL(`review.html?event=${encodeURIComponent(eventId)}#key=${encodeURIComponent(token)}`, base).href;
}

// The review of a whole series, opened with the series link's token.
export function seriesPageUrl(seriesId, token, base = location.href) {
  return new URL(`review.html?series=${encodeURIComponent(seriesId)}#key=${encodeURIComponent(token)}`, base).href;
}

// A series link pasted by a host ("…/review.html?series=ID#key=TOKEN"): {id, token}, or null.
export function seriesFromLink(text) {
  let url;
  try { url = new URL(text.trim(), location.href); } catch { return null; }
  const id = url.searchParams.get('series');
  const token = new URLSearchParams(url.hash.replace(/^#/, '')).get('key');
  return id && token ? { id, token } : null;
}

export function eventIdFromLocation(loc = location) {
  return new URLSearchParams(loc.search).get('event') || '';
}

export function seriesIdFromLocation(loc = location) {
  return new URLSearchParams(loc.search).get('series') || '';
}

export function hostTokenFromLocation(loc = location) {
  return new URLSearchParams(loc.hash.replace(/^#/, '')).get('key') || '';
}

// The token is not in the URL: it goes in the first message, so that it never reaches a log.
function socketUrl(eventId) {
  const url = new URL(`ws?event=${encodeURIComponent(eventId)}`, location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

// --- REST -----------------------------------------------------------------------------------

async function request(method, path, body, token = null) {
  let response;
  const headers = body === undefined ? {} : { 'Content-Type': 'application/json' };
  // An attendee's token goes in a header, never in a URL the server receives (and could log).
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    response = await fetch(path, {
      method,
      headers,
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

// settings: {title, host_name, table_size, min_table_size, max_table_size, rounds, round_seconds,
// break_seconds, prompts, video_link_template}. Resolves to {event, host_token, host_url, join_url}; the pages
// build their links with hostPageUrl / joinPageUrl rather than trust host_url / join_url, whose
// origin is the server's configured one (localhost by default).
export function createEvent(settings) {
  return request('POST', 'api/events', settings);
}

// Resolves to {series: {id, title, …}, series_token, series_url}.
export function createSeries(title) {
  return request('POST', 'api/series', { title });
}

export function getEvent(eventId) {
  return request('GET', `api/events/${encodeURIComponent(eventId)}`);
}

// Resolves to {attendee_id, token}. email, phone and purpose are optional ('' or {} when not given).
export function joinEvent(eventId, { name, organisation, role, email = '', phone = '', purpose = {} }) {
  return request('POST', `api/events/${encodeURIComponent(eventId)}/attendees`,
    { name, organisation, role, email, phone, purpose });
}

// The attendee's own page: {event, you, met, contacts} (protocol.md, "Your own page").
export function getMe(eventId, token) {
  return request('GET', `api/events/${encodeURIComponent(eventId)}/me`, undefined, token);
}

// An answer to a card (messages.talked, keepInTouch or rateTable) over REST; resolves to the page after it.
export function postAnswer(eventId, token, message) {
  return request('POST', `api/events/${encodeURIComponent(eventId)}/me`, message, token);
}

// The personal link: the join page with the token after '#', which browsers never send to the server.
export function personalLinkUrl(eventId, token, base = location.href) {
  return new URL(`join.html?event=${encodeURIComponent(eventId)}#me=${encodeURIComponent(token)}`, base).href;
}

export function personalTokenFromLocation(loc = location) {
  return new URLSearchParams(loc.hash.replace(/^#/, '')).get('me') || '';
}

// Data protection: the host deletes the whole event; an attendee erases their own data. Resolve to null (204).
export function deleteEvent(eventId, hostToken) {
  return request('DELETE', `api/events/${encodeURIComponent(eventId)}`, undefined, hostToken);
}

export function eraseMe(eventId, token) {
  return request('DELETE', `api/events/${encodeURIComponent(eventId)}/me`, undefined, token);
}

// --- Client → server messages ---------------------------------------------------------------

export const messages = {
  hello: (token) => ({ type: 'hello', token, protocol: PROTOCOL_VERSION }),
  ping: () => ({ type: 'ping' }),
  chat: (text) => ({ type: 'chat', text }),
  leave: () => ({ type: 'leave' }),
  talked: (round, about, talked) => ({ type: 'talked', round, about, talked }),
  keepInTouch: (about, wish) => ({ type: 'keep_in_touch', about, wish }),
  rateTable: (round, score) => ({ type: 'rate_table', round, score }),
  visibility: (visible) => ({ type: 'visibility', visible }),
  videoOpened: () => ({ type: 'video_opened' }),
  purpose: (purpose) => ({ type: 'purpose', purpose }),
  startEvent: () => ({ type: 'start_event' }),
  nextRound: () => ({ type: 'next_round' }),
  setRoundKind: (round, kind) => ({ type: 'set_round_kind', round, kind }),
  // Topic tables: `topic` (an id) or `text` (own words); `table` null chooses none.
  proposeTopicTable: (topic, text) => ({ type: 'propose_topic_table', topic, text }),
  chooseTopicTable: (table) => ({ type: 'choose_topic_table', table }),
  openTopicTable: (topic, text) => ({ type: 'open_topic_table', topic, text }),
  closeTopicTable: (table) => ({ type: 'close_topic_table', table }),
  endRound: () => ({ type: 'end_round' }),
  extendRound: (minutes) => ({ type: 'extend_round', minutes }),
  broadcast: (text) => ({ type: 'broadcast', text }),
  moveAttendee: (attendeeId, table) => ({ type: 'move_attendee', attendee_id: attendeeId, table }),
  removeAttendee: (attendeeId) => ({ type: 'remove_attendee', attendee_id: attendeeId }),
  eraseAttendee: (attendeeId) => ({ type: 'erase_attendee', attendee_id: attendeeId }),
  mergeAttendees: (duplicate, keep) => ({ type: 'merge_attendees', duplicate, keep }),
  roundTables: (round) => ({ type: 'round_tables', round }),
  pause: () => ({ type: 'pause' }),
  resume: () => ({ type: 'resume' }),
  endEvent: () => ({ type: 'end_event' }),
  createHostLink: (name) => ({ type: 'create_host_link', name }),
  revokeHostLink: (linkId) => ({ type: 'revoke_host_link', link_id: linkId }),
  createStaffLink: (name) => ({ type: 'create_staff_link', name }),
  revokeStaffLink: (linkId) => ({ type: 'revoke_staff_link', link_id: linkId }),
};

// --- Server → client messages ---------------------------------------------------------------

const KNOWN_TYPES = new Set(['welcome', 'state', 'host_state', 'host_update', 'round_tables', 'presence', 'chat',
  'announcement', 'storage', 'error', 'pong', 'host_link_created', 'staff_link_created', 'me', 'topic_tables']);

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

// One WebSocket to the event, reopened with backoff until a final close or close(): a network that
// fails for 4 seconds or 4 minutes only delays the return. handlers: onMessage(msg), onStatus({state,
// code, local}) with state 'connecting' | 'open' | 'reconnecting' | 'closed' ('local' when close() did
// it; otherwise `code` says why: one of the final close codes).
export class Connection {
  constructor(eventId, token, { onMessage = () => {}, onStatus = () => {} } = {}) {
    this.url = socketUrl(eventId);
    this.token = token;
    this.onMessage = onMessage;
    this.onStatus = onStatus;
    this.socket = null;
    this.attempt = 0;
    this.timer = null;
    this.heartbeat = null;
    this.heardAt = 0;
    this.ready = false;  // welcomed on the current socket: messages may be sent
    this.stopped = false;
    this.nextRef = 1;
    // Back at once when the device says its network is back, or the page is looked at again.
    this.retryNow = () => { if (!this.stopped && !this.socket) this.reopen(); };
    globalThis.addEventListener?.('online', this.retryNow);
    globalThis.document?.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') this.retryNow();
    });
  }

  start() {
    this.stopped = false;
    this.reopen();
  }

  reopen() {
    clearTimeout(this.timer);
    this.open();
  }

  open() {
    this.onStatus({ state: this.attempt === 0 ? 'connecting' : 'reconnecting' });
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.addEventListener('open', () => {
      if (this.socket !== socket) return;
      socket.send(JSON.stringify(messages.hello(this.token)));
      this.heard();
      this.heartbeat = setInterval(() => this.checkHeartbeat(socket), QUIET_MS / 2);
    });
    socket.addEventListener('message', (event) => {
      if (this.socket !== socket) return;
      this.heard();
      for (const line of String(event.data).split('\n')) {
        const msg = parseMessage(line);
        if (!msg) continue;
        if (msg.type === 'welcome') {
          this.attempt = 0;
          this.ready = true;
          this.onStatus({ state: 'open' });
        }
        if (msg.type !== 'pong') this.onMessage(msg);
      }
    });
    socket.addEventListener('close', (event) => {
      if (this.socket !== socket) return;
      this.lost(FINAL_CLOSES.has(event.code) ? event.code : null);
    });
  }

  heard() {
    this.heardAt = Date.now();
  }

  // A server silent for QUIET_MS is pinged; silent twice as long, its connection is dead without having
  // said so (a network that drops packets): it is dropped and replaced.
  checkHeartbeat(socket) {
    const quiet = Date.now() - this.heardAt;
    if (quiet >= 2 * QUIET_MS) {
      socket.close();
      this.lost(null);
    } else if (quiet >= QUIET_MS && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(messages.ping()));
    }
  }

  // The socket is gone: for good after a final close code, otherwise to be reopened after a backoff.
  lost(finalCode) {
    clearInterval(this.heartbeat);
    this.socket = null;
    this.ready = false;
    if (this.stopped || finalCode !== null) {
      const local = this.stopped;
      this.stopped = true;
      this.onStatus({ state: 'closed', code: finalCode, local });
      return;
    }
    const delay = backoffDelay(this.attempt);
    this.attempt += 1;
    this.onStatus({ state: 'reconnecting' });
    this.timer = setTimeout(() => this.open(), delay);
  }

  // Send a message built by `messages`; returns its ref (echoed by an error), or null when offline.
  send(message) {
    if (!this.ready || this.socket.readyState !== WebSocket.OPEN) return null;
    const ref = this.nextRef++;
    this.socket.send(JSON.stringify({ ...message, ref }));
    return ref;
  }

  // Stop for good: no more reconnects.
  close() {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.heartbeat);
    globalThis.removeEventListener?.('online', this.retryNow);
    const socket = this.socket;
    this.socket = null;
    this.ready = false;
    if (socket) socket.close(1000);
  }
}
