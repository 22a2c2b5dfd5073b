// host.html: the host console's connection and controls. The token comes from the link's #key=.
import { initI18n, onLangChange, t, errorText } from './i18n.js';
import { $, setText, announce, confirmDialog, wireCopy } from './dom.js';
import {
  Connection, messages, eventIdFromLocation, hostTokenFromLocation, joinPageUrl, hostPageUrl, reviewPageUrl, clockOffset,
  CLOSE_REPLACED, CLOSE_TOKEN_REFUSED, CLOSE_EVENT_NOT_FOUND, CLOSE_LINK_REVOKED, CLOSE_EVENT_DELETED,
} from './protocol.js';
import { ServerClock } from './countdown.js';
import { HostView, isEnabled } from './host-view.js';
import { hostStateFromSnapshot, applyHostUpdate, roundTablesFrom } from './host-state.js';
import { hostActions } from './host-actions.js';
import { HostTeam, StaffLinks, linkName } from './host-team.js';
import { wireDeleteEvent } from './host-delete.js';
import { HostTopicTables } from './host-topic-tables.js';
import { setTopics } from './purpose.js';

const eventId = eventIdFromLocation();
const token = hostTokenFromLocation();
const clock = new ServerClock();
let connection = null;
let hostState = null;
let problemKey = null;
let spoken = null;

// The one status region (#live, role="status"): server errors and phase changes.
function status(text, isError = false) {
  $('live').classList.toggle('is-error', isError);
  announce(text);
}

function showProblem(key) {
  problemKey = key;
  setText('host-problem', t(key));
  $('host-problem').hidden = false;
  $('console').hidden = true;
}

// The storage notice (role="alert"): shown while the server cannot save the event's changes.
function showStorageProblem(shown) {
  const notice = $('storage-problem');
  if (shown) setText(notice, t('storage_problem'));
  notice.hidden = !shown;
}

// The message's ref, or null when it could not be sent.
function send(message) {
  const ref = connection ? connection.send(message) : null;
  if (ref === null) status(t('err_network'), true);
  return ref;
}

const view = new HostView(clock, {
  ...hostActions({ send, currentState: () => hostState }),
  onNeedRound: (round) => { if (connection) connection.send(messages.roundTables(round)); },
  send,
});

const topicTables = new HostTopicTables(send);

const team = new HostTeam({
  onCreate: (name) => send(messages.createHostLink(name)),
  onRevoke: async (link) => {
    const own = team.you && team.you.link === link.id;
    const question = own ? t('cohost_revoke_own_confirm') : t('cohost_revoke_confirm', { name: linkName(link.name) });
    return (await confirmDialog(question, t('cohost_revoke'))) ? send(messages.revokeHostLink(link.id)) : null;
  },
});

const staff = new StaffLinks({
  onCreate: (name) => send(messages.createStaffLink(name)),
  onRevoke: async (link) => {
    if (await confirmDialog(t('staff_revoke_confirm', { name: link.name }), t('cohost_revoke'))) {
      send(messages.revokeStaffLink(link.id));
    }
  },
  reviewUrl: reviewPageUrl(eventId, token),
});

function speakPhase(state) {
  const key = `${state.phase}-${state.round}-${state.paused}`;
  if (spoken !== null && spoken !== key) {
    const phase = state.phase === 'round' ? t('round_of', { round: state.round, rounds: state.rounds })
      : t(`phase_${state.phase}`);
    status(state.paused ? `${t('say_phase', { phase })} ${t('paused_badge')}.` : t('say_phase', { phase }));
  }
  spoken = key;
}

// Draw a new state; a snapshot comes first on each connection.
function show(next, snapshot = false) {
  hostState = next;
  if (snapshot) view.setSnapshot(hostState);
  else view.setState(hostState);
  topicTables.setState(hostState);
  speakPhase(hostState);
}

function onMessage(msg) {
  switch (msg.type) {
    case 'welcome':
      clock.sync(clockOffset(msg));
      if (msg.event) {
        setText('event-title', msg.event.title || '');
        setTopics(msg.event.topics);
      }
      team.welcome(msg.you);
      $('console').hidden = false;
      // A new connection starts clear: the server says right after host_state if the storage still fails.
      showStorageProblem(false);
      break;
    case 'host_state':
      show(hostStateFromSnapshot(msg), true);
      team.reset(msg.host_links, msg.log);
      staff.update(msg.staff_links || []);
      break;
    // A delta means nothing without the snapshot it follows; each connection starts with one.
    case 'host_update':
      if (!hostState) break;
      {
        // How long an update takes to apply and draw, on the browser's performance timeline (tests read it).
        const started = performance.now();
        show(applyHostUpdate(hostState, msg));
        performance.clearMeasures('host_update');
        performance.measure('host_update', { start: started, end: performance.now() });
      }
      team.update(msg.host_links, msg.log);
      staff.update(msg.staff_links);
      break;
    case 'host_link_created': team.created(msg, hostPageUrl(eventId, msg.token)); break;
    case 'staff_link_created': staff.created(msg, reviewPageUrl(eventId, msg.token)); break;
    case 'round_tables': view.setRoundTables(msg.round, roundTablesFrom(msg)); break;
    case 'topic_tables': topicTables.setList(msg); break;
    case 'presence':
      if (hostState) {
        hostState = { ...hostState, present: msg.present };
        view.setPresent(hostState);
      }
      break;
    case 'storage':
      if (msg.ok && !$('storage-problem').hidden) status(t('storage_back'));
      showStorageProblem(!msg.ok);
      break;
    case 'error': status(team.explain(msg) || staff.explain(msg) || errorText(msg), true); break;
    default: break;
  }
}

function onStatus(st) {
  const banner = $('reconnecting');
  if (st.state === 'open') {
    if (!banner.hidden) status(t('reconnected'));
    banner.hidden = true;
  } else if (st.state === 'reconnecting') {
    if (banner.hidden) status(t('reconnecting'));
    banner.hidden = false;
  } else {
    banner.hidden = true;
    if (st.local) return;
    if (st.code === CLOSE_REPLACED) showProblem('replaced_text');
    else if (st.code === CLOSE_EVENT_NOT_FOUND) showProblem('event_not_found');
    else if (st.code === CLOSE_TOKEN_REFUSED) showProblem('host_token_rejected');
    else if (st.code === CLOSE_LINK_REVOKED) showProblem('host_link_revoked');
    else if (st.code === CLOSE_EVENT_DELETED) showProblem('event_deleted');
  }
}

// Wire a control: run `act` on click unless the control does not apply right now.
function control(id, act) {
  $(id).addEventListener('click', (event) => {
    if (!isEnabled(event.currentTarget)) {
      event.preventDefault();
      status(t('err_wrong_phase'), true);
      return;
    }
    act(event);
  });
}

// Ask before a command whose effect cannot be undone or would surprise, then send it only if the event
// is still where it was when the host was asked (a timer may have moved it on meanwhile).
async function confirmThenSend(message, confirmText, confirmLabel) {
  const asked = hostState && `${hostState.phase}-${hostState.round}`;
  if (!(await confirmDialog(confirmText, confirmLabel))) return;
  if (asked !== (hostState && `${hostState.phase}-${hostState.round}`)) {
    status(t('step_changed'), true);
    return;
  }
  send(message);
}

function wireControls() {
  control('start-event', () => send(messages.startEvent()));
  // During a round, "next round now" also skips the break; in the last round there is no next one.
  control('next-round', () => {
    const s = hostState;
    if (!s || s.phase !== 'round') return send(messages.nextRound());
    if (s.round >= s.rounds) return status(t('no_next_round'), true);
    return confirmThenSend(messages.nextRound(),
      t('next_round_confirm', { round: s.round, next: s.round + 1 }), t('next_round_yes'));
  });
  // Ending the last round ends the event for everyone.
  control('end-round', () => {
    const s = hostState;
    if (!s || s.round < s.rounds) return send(messages.endRound());
    return confirmThenSend(messages.endRound(),
      t('end_last_round_confirm', { round: s.round, rounds: s.rounds }), t('end_event'));
  });
  control('pause', () => send(messages.pause()));
  control('resume', () => send(messages.resume()));
  control('end-event', async () => {
    if (await confirmDialog(t('end_event_confirm'), t('end_event'))) send(messages.endEvent());
  });
  control('extend', () => {});
  $('extend-form').addEventListener('submit', (event) => {
    event.preventDefault();
    if (!isEnabled($('extend'))) return;
    const minutes = Number($('extend-minutes').value);
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 60) {
      status(errorText({ code: 'invalid_field', field: 'minutes' }), true);
      $('extend-minutes').focus();
      return;
    }
    send(messages.extendRound(minutes));
  });
  control('broadcast-send', () => {});
  $('broadcast-form').addEventListener('submit', (event) => {
    event.preventDefault();
    if (!isEnabled($('broadcast-send'))) return;
    const text = $('broadcast-text').value.trim();
    if (!text) {
      status(errorText({ code: 'invalid_field', field: 'text' }), true);
      $('broadcast-text').focus();
      return;
    }
    send(messages.broadcast(text));
    $('broadcast-text').value = '';
    status(t('broadcast_sent'));
  });
  wireDeleteEvent($('delete-event'), { eventId, token, status });
  wireCopy($('copy-join-link'), () => $('join-link').value);
  wireCopy($('copy-cohost-link'), () => $('cohost-new-link').value, $('cohost-copied'));
  wireCopy($('copy-staff-link'), () => $('staff-new-link').value, $('staff-copied'));
}

function main() {
  initI18n();
  onLangChange(() => {
    setText('live', '');
    view.redraw();
    team.redraw();
    staff.redraw();
    topicTables.draw();
    if (problemKey) setText('host-problem', t(problemKey));
    if (!$('storage-problem').hidden) setText('storage-problem', t('storage_problem'));
  });
  wireControls();
  if (!eventId || !token) {
    showProblem('host_token_missing');
    return;
  }
  $('join-link').value = joinPageUrl(eventId);
  connection = new Connection(eventId, token, { onMessage, onStatus });
  connection.start();
}

main();
