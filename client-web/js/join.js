// join.html: the join form, the seat kept in localStorage, and the live connection of an attendee.
import { initI18n, onLangChange, t, errorText } from './i18n.js';
import { $, setText, showOnly, announce, confirmDialog } from './dom.js';
import {
  Connection, messages, getEvent, joinEvent, getMe, postAnswer, eventIdFromLocation, clockOffset,
  personalLinkUrl, personalTokenFromLocation,
  CLOSE_ENDED, CLOSE_REPLACED, CLOSE_REMOVED, CLOSE_TOKEN_REFUSED, CLOSE_EVENT_NOT_FOUND,
  CLOSE_EVENT_DELETED, CLOSE_ERASED,
} from './protocol.js';
import { ServerClock } from './countdown.js';
import { AttendeeView, SECTIONS } from './attendee-view.js';
import { MePage } from './me.js';
import { renderEraseMe } from './erase-me.js';
import { setTopics, loadReference, purposeFields, MAX_PURPOSE_TOPICS } from './purpose.js';
import { TopicTables } from './topic-tables.js';

const FIELDS = { name: 80, organisation: 120, role: 80, email: 254, phone: 30 };
const REQUIRED = new Set(['name', 'organisation']);

const eventId = eventIdFromLocation();
const seatKey = `ensemble.attendee.${eventId}`;
const clock = new ServerClock();
let pendingChat = null;  // the ref of the chat message awaiting its echo
let connection = null;
let leaving = false;
let lastJoinError = null;
let token = null;      // this attendee's, for the socket and for their own page over REST
let answered = false;  // an answer is on its way: its result is said once it is saved
let ended = false;
let left = false;      // they left of their own accord: their page stays, the live event does not
let joinPurpose = null;     // the join form's purpose fields
let profilePurpose = null;  // "Mon profil": the same fields, live
let myPurpose = {};         // as the server last said (welcome, me)
let pendingProfile = null;  // the ref of the purpose message awaiting its answer

const view = new AttendeeView(clock, {
  onChat: (text) => {
    pendingChat = connection && connection.send(messages.chat(text));
    return Boolean(pendingChat);
  },
  onStep: (state) => onStep(state),
});

const topicTables = new TopicTables((message) => (connection ? connection.send(message) : null));

// --- Their own part: the card in the break, the people met and contacts after the end ------------

const me = new MePage({ onAnswer: sendAnswer });

// Over the socket while it is open; after the end (the socket is closed) or offline, over REST.
function sendAnswer(message) {
  answered = true;
  if (connection && connection.send(message)) return;
  postAnswer(eventId, token, message).then(showMe).catch((err) => announce(errorText(err)));
}

function showMe(page) {
  if (page.you && page.you.purpose) showProfile(page.you.purpose);
  me.set(page);
  if (ended || left) me.drawPage();
  else if (view.state && view.state.phase === 'break') me.drawCard(view.state.round);
  if (answered) announce(t('answer_saved'));
  answered = false;
}

function loadMe() {
  if (!token) return;
  getMe(eventId, token).then(showMe).catch(() => {
    if (ended || left) announce(t('me_unavailable'));
  });
}

// A new step of the event: the break shows the card of the round that just ended; the end, the page. The
// personal link is offered outside rounds, so that it can be kept before the end.
function onStep(state) {
  if (state.phase === 'break') loadMe();
  else me.hideCard();
  me.showLink(state.phase === 'round' ? null : personalLinkUrl(eventId, token));
  if (state.phase === 'ended') showEnd();
}

function showEnd() {
  if (ended) return;
  ended = true;
  showOwnPage();
}

// Someone who left keeps the people they met and their mutual contacts (from their link, on any device).
function showLeft(page = null) {
  left = true;
  saveSeat({ token, left: true });
  view.showNotice('left_heading', 'left_text');
  showOwnPage(page);
}

// Their page outside the live event: after the end, or after leaving it; `page` when already fetched.
function showOwnPage(page = null) {
  me.hideCard();
  me.showLink(personalLinkUrl(eventId, token));
  renderEraseMe($('erase-me'), {
    eventId,
    token,
    onErased: () => {
      forgetSeat();
      if (connection) connection.close();
      view.showNotice('erased_heading', 'erased_text');
    },
  });
  if (page) showMe(page);
  else loadMe();
}

// --- The seat: {attendee_id, token}; {token, left: true} once they left; {removed: true} once the host
// removed this person ---

function loadSeat() {
  try { return JSON.parse(localStorage.getItem(seatKey)); } catch { return null; }
}

function saveSeat(seat) {
  try { localStorage.setItem(seatKey, JSON.stringify(seat)); } catch { /* this tab still works */ }
}

function forgetSeat() {
  try { localStorage.removeItem(seatKey); } catch { /* nothing kept */ }
}

// --- Connection --------------------------------------------------------------------------------

function onMessage(msg) {
  switch (msg.type) {
    case 'welcome':
      clock.sync(clockOffset(msg));
      view.setYou(msg.you);
      if (msg.event) setTopics(msg.event.topics);
      showProfile(msg.you && msg.you.purpose);
      if (document.hidden) connection.send(messages.visibility(false));
      if (msg.event && msg.event.title) setText('event-title', msg.event.title);
      break;
    case 'state': view.setState(msg); topicTables.setState(msg); break;
    case 'topic_tables': topicTables.setList(msg); break;
    case 'presence': view.setPresent(msg.present); break;
    case 'chat': view.addChat(msg); break;
    case 'announcement': view.showAnnouncement(msg); break;
    case 'me':
      onProfileSaved();
      showMe(msg);
      if (msg.you && 'topic_table' in msg.you) topicTables.setMine(msg.you.topic_table);
      break;
    case 'error':
      if (msg.ref !== undefined && msg.ref === pendingProfile) profileRefused(msg);
      else if (msg.ref !== undefined && msg.ref === pendingChat) view.chatRefused(msg);
      else if (topicTables.refused(msg)) break;
      else announce(errorText(msg));
      break;
    default: break;
  }
}

function onStatus(status) {
  const banner = $('reconnecting');
  // What is on screen may be out of date while the connection is down: it is shown dimmed until then.
  document.body.dataset.connection = status.state === 'reconnecting' ? 'lost' : 'open';
  if (status.state === 'open') {
    if (!banner.hidden) announce(t('reconnected'));
    banner.hidden = true;
  } else if (status.state === 'reconnecting') {
    if (banner.hidden) announce(t('reconnecting'));
    banner.hidden = false;
    view.chatFailed(t('chat_unsent'));
  } else if (status.state === 'closed') {
    banner.hidden = true;
    if (!status.local) onFinalClose(status.code);
  }
}

function onFinalClose(code) {
  if (leaving) return;
  if (code === CLOSE_REMOVED) {
    closedAsRemoved();
  } else if (code === CLOSE_REPLACED) {
    view.showNotice('replaced_heading', 'replaced_text', { labelKey: 'replaced_resume', run: () => connection.start() });
  } else if (code === CLOSE_ENDED) {
    view.showNotice('ended_heading', 'ended_text');
    showEnd();
  } else if (code === CLOSE_EVENT_NOT_FOUND) {
    view.showNotice('join_heading', 'event_not_found');
  } else if (code === CLOSE_EVENT_DELETED) {
    forgetSeat();
    view.showNotice('deleted_heading', 'deleted_text');
  } else if (code === CLOSE_ERASED) {
    forgetSeat();
    view.showNotice('erased_heading', 'erased_text');
  } else if (code === CLOSE_TOKEN_REFUSED) {
    forgetSeat();
    view.showNotice('rejected_heading', 'token_rejected', { labelKey: 'join_submit', run: showForm });
  }
}

// Who left is refused the live event like who was removed; only their own page tells them apart.
function closedAsRemoved() {
  getMe(eventId, token).then((page) => showLeft(page), (err) => {
    if (err.status === 403 || err.status === 401) {
      saveSeat({ removed: true });
      view.showNotice('removed_heading', 'removed_text');
    } else {
      view.showNotice('join_heading', 'err_network', { labelKey: 'retry', run: () => location.reload() });
    }
  });
}

function connect(seat) {
  token = seat.token;
  showOnly('loading-section', SECTIONS);
  connection = new Connection(eventId, seat.token, { onMessage, onStatus });
  connection.start();
}

function stop() {
  if (connection) connection.close();
  connection = null;
}

// --- Purpose: on joining, and "Mon profil" during the event ------------------------------------

// The fields drawn again from what the server holds, unless the attendee is typing in them.
function showProfile(purpose = {}) {
  myPurpose = purpose || {};
  if ($('profile-form').contains(document.activeElement) && profilePurpose) return;
  profilePurpose = purposeFields($('profile-purpose'), 'profile', myPurpose);
}

const tooManyTopics = (p) => p.needs.length > MAX_PURPOSE_TOPICS || p.offers.length > MAX_PURPOSE_TOPICS;

function onProfileSave(event) {
  event.preventDefault();
  const purpose = profilePurpose.read();
  setText('profile-error', '');
  if (tooManyTopics(purpose)) {
    setText('profile-error', t('purpose_too_many', { max: MAX_PURPOSE_TOPICS }));
    $('profile-error').focus();
    return;
  }
  pendingProfile = connection && connection.send(messages.purpose(purpose));
  if (pendingProfile === null || pendingProfile === undefined) setText('profile-error', t('chat_offline'));
}

// The server's `me` follows a saved purpose; a refusal names the field.
function profileRefused(err) {
  pendingProfile = null;
  setText('profile-error', errorText(err));
  $('profile-error').focus();
}

function onProfileSaved() {
  if (pendingProfile === null) return;
  pendingProfile = null;
  announce(t('profile_saved'));
}

// --- Join form ---------------------------------------------------------------------------------

function showForm() {
  showOnly('join-section', SECTIONS);
  $('name').focus();
}

// The error in words that say what the field expects (its length limit).
const joinErrorText = (err) => errorText(err, FIELDS[err.field] ? { max: FIELDS[err.field] } : null);

function showJoinError(err) {
  lastJoinError = err;
  for (const name of Object.keys(FIELDS)) $(name).removeAttribute('aria-invalid');
  setText('join-error', err ? joinErrorText(err) : '');
  if (!err) return;
  const input = err.field && FIELDS[err.field] ? $(err.field) : null;
  if (input) input.setAttribute('aria-invalid', 'true');
  (input || $('join-error')).focus();
}

async function onJoin(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const values = {};
  for (const [name, max] of Object.entries(FIELDS)) {
    values[name] = form.elements[name].value.trim();
    const length = [...values[name]].length;
    if ((REQUIRED.has(name) && length === 0) || length > max) {
      showJoinError({ code: 'invalid_field', field: name });
      return;
    }
  }
  values.purpose = joinPurpose ? joinPurpose.read() : {};
  if (tooManyTopics(values.purpose)) {
    setText('join-error', t('purpose_too_many', { max: MAX_PURPOSE_TOPICS }));
    $('join-error').focus();
    return;
  }
  showJoinError(null);
  const button = $('join-submit');
  button.disabled = true;
  button.textContent = t('joining');
  try {
    const seat = await joinEvent(eventId, values);
    saveSeat({ attendee_id: seat.attendee_id, token: seat.token });
    connect(seat);
  } catch (err) {
    if (err.code === 'event_ended') view.showNotice('ended_heading', 'ended_text');
    else showJoinError(err);
  } finally {
    button.disabled = false;
    button.textContent = t('join_submit');
  }
}

async function onLeave() {
  const sure = await confirmDialog(t('leave_confirm'), t('leave_yes'), t('leave_no'));
  if (!sure) return;
  leaving = true;
  if (connection) connection.send(messages.leave());
  stop();
  showLeft();
}

// The privacy text says how long this event keeps its data.
let retentionDays = null;
function showRetention(days = retentionDays) {
  retentionDays = days;
  if (Number.isInteger(days)) setText('data-how-long', t('data_how_long_days', { days }));
}

async function main() {
  initI18n();
  onLangChange(() => {
    view.redraw();
    topicTables.draw();
    if (ended || left) me.drawPage();
    showRetention();
    if (lastJoinError) setText('join-error', joinErrorText(lastJoinError));
    if (joinPurpose) joinPurpose = purposeFields($('join-purpose'), 'join', joinPurpose.read());
    if (profilePurpose) profilePurpose = purposeFields($('profile-purpose'), 'profile', profilePurpose.read());
  });
  $('join-form').addEventListener('submit', onJoin);
  $('profile-form').addEventListener('submit', onProfileSave);
  // Presence at the table is measured while the page is shown (Page Visibility), and the video link opened.
  document.addEventListener('visibilitychange', () => {
    if (connection) connection.send(messages.visibility(!document.hidden));
  });
  $('video-link').addEventListener('click', () => {
    if (connection) connection.send(messages.videoOpened());
  });
  $('leave').addEventListener('click', onLeave);
  if (!eventId) {
    view.showNotice('join_heading', 'event_missing');
    return;
  }
  let info;
  try {
    info = await getEvent(eventId);
  } catch (err) {
    view.showNotice('join_heading', err.status === 404 ? 'event_not_found' : 'err_network',
      err.status === 404 ? null : { labelKey: 'retry', run: () => location.reload() });
    return;
  }
  setText('event-title', info.title);
  showRetention(info.retention_days);
  setTopics(info.topics);
  await loadReference();
  joinPurpose = purposeFields($('join-purpose'), 'join');
  // The personal link (join.html?event=ID#me=TOKEN) brings this person back, on this device or another.
  const linkToken = personalTokenFromLocation();
  const kept = loadSeat();
  if (linkToken && !(kept && kept.token === linkToken)) saveSeat({ token: linkToken });
  const seat = loadSeat();
  if (seat && seat.removed) {
    view.showNotice('removed_heading', 'removed_text');
  } else if (seat && seat.token && info.phase === 'ended') {
    token = seat.token;
    view.showNotice('ended_heading', 'ended_text');
    showEnd();
  } else if (seat && seat.token && seat.left) {
    token = seat.token;
    showLeft();
  } else if (seat && seat.token) {
    connect(seat);
  } else if (info.phase === 'ended') {
    view.showNotice('ended_heading', 'ended_text');
  } else {
    showForm();
  }
}

main();
