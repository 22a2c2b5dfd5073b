// What an attendee sees once joined: lobby, round, break, end. Draws `state` messages into the
// static skeleton of join.html, so focus and typed text survive every update.
import { t, clockTime, shortDuration } from './i18n.js';
import { $, el, setText, replaceChildren, showOnly, announce } from './dom.js';
import { Countdown } from './countdown.js';
import { tablemates } from './protocol.js';

export const SECTIONS = ['loading-section', 'notice-section', 'join-section', 'lobby-section',
  'round-section', 'break-section'];

const chatKey = (m) => `${m.at}|${m.from}|${m.text}`;

export class AttendeeView {
  // onChat(text) sends a chat message and returns true when it could be sent.
  constructor(clock, { onChat }) {
    this.you = null;
    this.state = null;
    this.notice = null;
    this.spoken = null;
    this.chatScope = null;
    this.chatSeen = new Set();
    this.sending = null;  // the chat text sent and not yet acknowledged by its echo
    this.roundCountdown = new Countdown($('round-countdown'), clock, {
      onWarning: () => announce(t('minute_warning')),
    });
    this.breakCountdown = new Countdown(null, clock, { onTick: (ms) => this.drawBreak(ms) });
    $('chat-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const input = $('chat-text');
      const text = input.value.trim();
      if (!text || this.sending !== null) return;
      setText('chat-error', '');
      if (onChat(text)) this.setSending(text);
      else setText('chat-error', t('chat_offline'));
    });
    $('announcement-dismiss').addEventListener('click', () => {
      $('announcement').hidden = true;
      $('main').focus();
    });
  }

  setYou(you) { this.you = you; }

  setState(state) {
    this.state = state;
    this.notice = null;
    this.draw();
    this.speak();
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

  chatFailed(text) {
    if (this.sending === null) return;
    this.sending = null;
    $('chat-text').readOnly = false;
    $('chat-form').removeAttribute('aria-busy');
    setText('chat-error', text);
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


  showAnnouncement(msg) {
    setText('announcement-text', msg.text);
    $('announcement').hidden = false;
    announce(t('announcement_said', { text: msg.text }));
  }

  // A full-page message (ended, removed, left...) from i18n keys, kept so a language switch redraws
  // it; action: {labelKey, run} adds one button. The next state clears it.
  showNotice(headingKey, textKey, action = null) {
    this.notice = { headingKey, textKey, action };
    this.roundCountdown.stop();
    this.breakCountdown.stop();
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
  }

  // Redraw in the current language.
  redraw() {
    if (this.notice) this.drawNotice();
    else if (this.state) this.draw();
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
    }
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
    const prompt = table && table.prompt;
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
        mate.connected ? t('online') : t('offline')));
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

  // Tell the live region about a new phase, round, table or pause: once per change, never per tick.
  speak() {
    const s = this.state;
    const now = { phase: s.phase, round: s.round, table: s.table ? s.table.number : null, paused: s.paused };
    const before = this.spoken;
    this.spoken = now;
    if (before && before.phase === now.phase && before.round === now.round && before.table === now.table) {
      if (before.paused !== now.paused) announce(now.paused ? t('say_paused') : t('say_resumed'));
      return;
    }
    if (now.phase === 'round' && now.table !== null) {
      announce(t('say_round', { round: s.round, rounds: s.rounds, n: now.table }));
    } else if (now.phase === 'break' && s.deadline) {
      announce(t('say_break', { clock: clockTime(s.deadline) }));
    }
  }
}
