// What an attendee sees once joined: lobby, round, break, end. Draws `state` messages into the
// static skeleton of join.html, so focus and typed text survive every update. What changed is
// signalled by signals.js; what belonged to a round (chat errors, the host's message) goes with it.
import { t, clockTime, shortDuration, errorText } from './i18n.js';
import { $, el, setText, replaceChildren, showOnly, announce } from './dom.js';
import { Countdown, WARNING_MS } from './countdown.js';
import { tablemates } from './protocol.js';
import { purposeDescription, topicLabel } from './purpose.js';
import { kindName } from './round-plan.js';
import { tableSubject } from './topic-tables.js';
import { Alerts } from './alerts.js';
import { SignalBanner, signalBetween, signalText, tabTitle } from './signals.js';

export const SECTIONS = ['loading-section', 'notice-section', 'join-section', 'lobby-section',
  'round-section', 'break-section'];

const chatKey = (m) => `${m.at}|${m.from}|${m.text}`;
// One step of the event: what is said or shown during it does not outlive it.
const stepOf = (s) => (s ? `${s.phase}-${s.round}` : null);

// A mutual-help table's prompt: the need it serves, in the asker's own words (protocol.md, state `need`).
function needPrompt(table) {
  const need = table && table.need;
  if (!need) return '';
  const seeker = (table.people || []).find((p) => p.id === need.attendee_id);
  if (!seeker) return '';
  const who = seeker.organisation ? `${seeker.name} (${seeker.organisation})` : seeker.name;
  return t('need_prompt', { who, topic: topicLabel(need.topic), text: need.text });
}

export class AttendeeView {
  // onChat(text) sends a chat message and returns true when it could be sent; onStep(state) hears of
  // each new step of the event (a round, a break, the end).
  constructor(clock, { onChat, onStep = () => {} }) {
    this.onStep = onStep;
    this.you = null;
    this.state = null;
    this.notice = null;
    this.spoken = null;
    this.chatScope = null;
    this.chatSeen = new Set();
    this.sending = null;  // the chat text sent and not yet acknowledged by its echo
    this.chatErrorTimer = null;
    this.alerts = new Alerts();
    this.signals = new SignalBanner({ ring: () => this.alerts.ring() });
    this.roundCountdown = new Countdown($('round-countdown'), clock, {
      onWarning: () => this.signals.show({ kind: 'minute' }),
      onTick: (ms) => {
        if (ms > WARNING_MS) this.signals.clear('minute');  // the host gave the round more time
        this.drawTitle(ms);
      },
    });
    this.breakCountdown = new Countdown(null, clock, {
      onTick: (ms) => {
        this.drawBreak(ms);
        this.drawTitle(ms);
      },
    });
    $('chat-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const input = $('chat-text');
      const text = input.value.trim();
      if (!text || this.sending !== null) return;
      this.showChatError('');
      if (onChat(text)) this.setSending(text);
      else this.showChatError(t('chat_offline'));
    });
    $('announcement-dismiss').addEventListener('click', () => this.hideAnnouncement());
  }

  setYou(you) { this.you = you; }

  setState(state) {
    const newStep = stepOf(state) !== stepOf(this.state);
    if (newStep) this.hideAnnouncement();
    this.state = state;
    this.notice = null;
    // Said first, so that a last minute the countdown finds on drawing (a one-minute round) comes after.
    this.speak();
    this.draw();
    if (newStep) this.onStep(state);
  }

  setPresent(present) {
    if (!this.state) return;
    this.state.present = present;
    this.drawPresent();
  }

  // A chat text stays in its field until the server has it: cleared by its echo, kept on a failure.
  setSending(text) {
    this.sending = text;
    $('chat-text').readOnly = true;
    $('chat-form').setAttribute('aria-busy', 'true');
  }

  chatFailed(text, until = null) {
    if (this.sending === null) return;
    this.sending = null;
    $('chat-text').readOnly = false;
    $('chat-form').removeAttribute('aria-busy');
    this.showChatError(text, until);
  }

  // The server refused the message: too many at once says when it may go (retry_after_ms), and the
  // text stays in its field until then.
  chatRefused(error) {
    const wait = error.code === 'rate_limited' ? error.retry_after_ms : null;
    if (!(wait > 0)) {
      this.chatFailed(errorText(error));
      return;
    }
    const text = t('chat_rate_limited', { time: shortDuration(wait) });
    this.chatFailed(text, wait);
    announce(text);
  }

  // A chat error lasts while it is true: `until` ms at most, and never past its round or table.
  showChatError(text, until = null) {
    clearTimeout(this.chatErrorTimer);
    setText('chat-error', text);
    if (!text || until === null) return;
    this.chatErrorTimer = setTimeout(() => {
      setText('chat-error', '');
      if ($('chat-text').value.trim()) announce(t('chat_can_send'));
    }, until);
  }

  // A `chat` message: shown only when it belongs to the table and round on screen.
  addChat(msg) {
    if (this.sending !== null && this.you && msg.from === this.you.id && msg.text === this.sending) {
      this.sending = null;
      $('chat-text').value = '';
      $('chat-text').readOnly = false;
      $('chat-form').removeAttribute('aria-busy');
    }
    const table = this.state && this.state.table;
    if (!table || this.state.phase !== 'round' || msg.round !== this.state.round || msg.table !== table.number) return;
    table.chat = [...(table.chat || []), msg];
    this.drawChat();
  }

  // The host's message shows once: until dismissed, the next step of the event or a full-page notice.
  showAnnouncement(msg) {
    setText('announcement-text', msg.text);
    $('announcement').hidden = false;
    announce(t('announcement_said', { text: msg.text }));
  }

  hideAnnouncement() {
    const box = $('announcement');
    if (box.hidden) return;
    const hadFocus = box.contains(document.activeElement);
    box.hidden = true;
    setText('announcement-text', '');
    if (hadFocus) $('main').focus();
  }

  // A full-page message (ended, removed, left...) from i18n keys, kept so a language switch redraws
  // it; action: {labelKey, run} adds one button. The next state clears it.
  showNotice(headingKey, textKey, action = null) {
    this.notice = { headingKey, textKey, action };
    this.roundCountdown.stop();
    this.breakCountdown.stop();
    this.hideAnnouncement();
    if (headingKey !== 'ended_heading') this.signals.clear();
    this.showChatError('');
    $('alerts-section').hidden = true;
    $('profile-section').hidden = true;
    $('card-section').hidden = true;
    // After the end, the people met, contacts and the personal link follow the thanks; no other notice
    // shows them.
    if (headingKey !== 'ended_heading') {
      $('me-section').hidden = true;
      $('personal-link-section').hidden = true;
    }
    this.drawNotice();
    showOnly('notice-section', SECTIONS);
    if (this.noticeSpoken !== headingKey) announce(`${t(headingKey)}. ${t(textKey)}`);
    this.noticeSpoken = headingKey;
    $('leave').hidden = true;
  }

  drawNotice() {
    const { headingKey, textKey, action } = this.notice;
    setText('notice-heading', t(headingKey));
    setText('notice-text', t(textKey));
    const button = $('notice-action');
    button.hidden = !action;
    button.onclick = action ? action.run : null;
    if (action) button.textContent = t(action.labelKey);
    document.title = headingKey === 'ended_heading' ? t('title_ended') : t('join_doc_title');
  }

  // Redraw in the current language.
  redraw() {
    this.signals.draw();
    if (this.notice) this.drawNotice();
    else if (this.state) this.draw();
  }

  drawTitle(remaining) {
    const text = tabTitle(this.state, remaining);
    if (document.title !== text) document.title = text;
  }

  draw() {
    const s = this.state;
    $('leave').hidden = s.phase === 'ended';
    if (s.phase === 'ended') {
      this.showNotice('ended_heading', 'ended_text');
      return;
    }
    if (s.phase === 'round') this.drawRound(s);
    else this.roundCountdown.stop();
    const next = s.kind && (s.phase === 'break' || s.phase === 'lobby') ? t('round_kind_next', { kind: kindName(s.kind) }) : '';
    setText('break-kind', next);
    setText('lobby-kind', next);
    if (s.phase === 'break') {
      showOnly('break-section', SECTIONS);
      setText('break-at', s.paused || s.deadline === null ? '' : t('next_round_at', { clock: clockTime(s.deadline) }));
      $('break-paused').hidden = !s.paused;
      this.breakCountdown.set({ deadline: s.deadline, paused: s.paused, remaining_ms: s.remaining_ms });
    } else {
      this.breakCountdown.stop();
    }
    if (s.phase === 'lobby') {
      showOnly('lobby-section', SECTIONS);
      setText('lobby-heading', t('lobby_heading', { name: this.you ? this.you.name : '' }));
      this.drawTitle(0);
    }
    $('alerts-section').hidden = false;
    $('profile-section').hidden = false;
    this.drawPresent();
  }

  drawRound(s) {
    showOnly('round-section', SECTIONS);
    setText('round-heading', t('round_of', { round: s.round, rounds: s.rounds }));
    const table = s.table;
    setText('your-table', table ? t('your_table', { n: table.number }) : t('no_table'));
    $('round-paused').hidden = !s.paused;
    this.roundCountdown.set({
      deadline: s.deadline, paused: s.paused, remaining_ms: s.remaining_ms, key: `round-${s.round}`, warn: true,
    });
    const topic = table && table.topic_table;
    setText('round-kind', topic ? t('tt_table_topic', { topic: tableSubject(topic) })
      : s.kind ? t('round_kind_now', { kind: kindName(s.kind) }) : '');
    const prompt = needPrompt(table) || (table && table.prompt);
    $('prompt-card').hidden = !prompt;
    setText('prompt', prompt || '');
    const video = $('video-link');
    const url = table && table.video_url;
    video.hidden = !(url && /^https?:\/\//i.test(url));
    if (!video.hidden) video.href = url;
    const mates = tablemates(table, this.you ? this.you.id : null);
    replaceChildren($('mates'), mates.map((m) => this.mateItem(m)));
    $('no-mates').hidden = mates.length > 0;
    $('chat-card').hidden = !table;
    $('mates-card').hidden = !table;
    this.drawChat();
  }

  mateItem(mate) {
    const meta = [mate.organisation, mate.role].filter(Boolean).join(' · ');
    return el('li', { class: mate.connected ? 'is-online' : 'is-offline', dataset: { attendeeId: mate.id } },
      el('span', { class: 'mate-name' }, mate.name),
      el('span', { class: 'mate-meta' }, meta),
      el('span', { class: 'presence-text' },
        el('span', { class: 'presence-dot', attrs: { 'aria-hidden': 'true' } }),
        mate.connected ? t('online') : t('offline')),
      purposeDescription(mate.purpose));
  }

  // Append only the messages not drawn yet, so the log (role="log") reads out just the new ones.
  drawChat() {
    const s = this.state;
    const table = s.table;
    const scope = table ? `${s.round}-${table.number}` : null;
    const log = $('chat-log');
    const list = $('chat-list');
    if (scope !== this.chatScope) {
      this.chatScope = scope;
      this.chatSeen = new Set();
      list.textContent = '';
      this.showChatError('');  // an error about another table or round is no longer true
    }
    if (!table) return;
    let added = false;
    for (const msg of table.chat || []) {
      const key = chatKey(msg);
      if (this.chatSeen.has(key)) continue;
      this.chatSeen.add(key);
      list.appendChild(el('li', { dataset: { from: msg.from } },
        el('span', { class: 'who' }, msg.name),
        el('span', { class: 'text' }, msg.text),
        el('span', { class: 'when' }, clockTime(msg.at))));
      added = true;
    }
    if (added) log.scrollTop = log.scrollHeight;
  }

  drawBreak(remaining) {
    setText('break-next', t('next_round_in', { time: shortDuration(remaining) }));
  }

  drawPresent() {
    const text = t('present', { n: this.state.present ?? 0 });
    setText('lobby-present', text);
    setText('break-present', text);
  }

  // Signal a new round, a move, a break, a pause or the end: once per change, never per tick. The
  // first state after the page opens is only said, as nothing changed under the attendee's eyes.
  speak() {
    const s = this.state;
    const before = this.spoken;
    this.spoken = s;
    const signal = signalBetween(before, s);
    if (signal) {
      this.signals.show(signal);
      return;
    }
    if (before) return;
    if (s.phase === 'round' && s.table) {
      announce(signalText({ kind: 'round', round: s.round, rounds: s.rounds, n: s.table.number }));
    } else if (s.phase === 'break' && s.deadline) {
      announce(signalText({ kind: 'break', deadline: s.deadline }));
    }
  }
}
