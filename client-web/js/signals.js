// Signals nobody misses: what changed for the attendee (a new round, a move, a break, a pause, the
// end, the last minute) shown in a banner that stays in view wherever the page is scrolled, said in the
// live region, and rung when chosen (alerts.js); and a tab title that carries the state and time left.
import { t, clockTime } from './i18n.js';
import { $, setText, announce } from './dom.js';
import { formatRemaining } from './countdown.js';

// A banner that reports passing news goes after it has been in view this long; one that describes
// how things are (the last minute, a pause, the end) stays while that lasts.
export const FADE_MS = 15000;
const LASTING = new Set(['minute', 'paused', 'ended']);

const tableNumber = (state) => (state.table ? state.table.number : null);

// The change from one `state` to the next that the attendee must be told of, or null. With no
// `before`, the page has just opened: nothing changed under the attendee's eyes.
export function signalBetween(before, now) {
  if (!before || !now) return null;
  if (now.phase === 'ended') return before.phase === 'ended' ? null : { kind: 'ended' };
  const sameStep = before.phase === now.phase && before.round === now.round;
  if (now.phase === 'round') {
    const table = tableNumber(now);
    const seatedNow = table !== null && (!sameStep || tableNumber(before) === null);
    if (seatedNow) return { kind: 'round', round: now.round, rounds: now.rounds, n: table };
    if (sameStep && table !== null && tableNumber(before) !== table) return { kind: 'moved', n: table };
  }
  if (now.phase === 'break' && !sameStep) return { kind: 'break', deadline: now.paused ? null : now.deadline };
  if (sameStep && before.paused !== now.paused) return { kind: now.paused ? 'paused' : 'resumed' };
  return null;
}

// The sentence of a signal, in the current language.
export function signalText(signal) {
  switch (signal.kind) {
    case 'round': return t('say_round', signal);
    case 'moved': return t('say_moved', signal);
    case 'break': return signal.deadline ? t('say_break', { clock: clockTime(signal.deadline) }) : t('say_break_paused');
    case 'paused': return t('say_paused');
    case 'resumed': return t('say_resumed');
    case 'ended': return t('say_ended');
    case 'minute': return t('minute_warning');
    default: return '';
  }
}

// The tab's title, such as "⏱ 0:58 · Table 3": a tab in the background still says where things stand.
export function tabTitle(state, remaining) {
  if (!state) return t('join_doc_title');
  const clock = state.paused ? `⏸ ${t('title_paused')}` : `⏱ ${formatRemaining(remaining)}`;
  switch (state.phase) {
    case 'round': return `${clock} · ${state.table ? t('title_table', { n: state.table.number }) : t('title_no_table')}`;
    case 'break': return `${clock} · ${t('title_break')}`;
    case 'ended': return t('title_ended');
    default: return t('title_lobby');
  }
}

// The banner (#signal, at the top of a sticky stack in join.html). Not a live region itself: the
// sentence goes to the page's one live region, so that it is heard once.
export class SignalBanner {
  // ring(): the chosen sound and vibration (alerts.js).
  constructor({ ring }) {
    this.ring = ring;
    this.signal = null;
    this.fade = null;
    $('signal-dismiss').addEventListener('click', () => this.hide());
    document.addEventListener('visibilitychange', () => this.armFade());
  }

  show(signal) {
    this.signal = signal;
    this.draw();
    $('signal').hidden = false;
    announce(signalText(signal));
    if (signal.kind !== 'resumed') this.ring();
    this.armFade();
  }

  // Redraw in the current language.
  draw() {
    if (!this.signal) return;
    const banner = $('signal');
    banner.dataset.kind = this.signal.kind;
    banner.classList.toggle('is-warning', this.signal.kind === 'minute');
    setText('signal-text', signalText(this.signal));
  }

  // Hide the banner if it shows this kind of signal (any, without a kind).
  clear(kind = null) {
    if (this.signal && (kind === null || this.signal.kind === kind)) this.hide();
  }

  hide() {
    clearTimeout(this.fade);
    this.signal = null;
    const banner = $('signal');
    const hadFocus = banner.contains(document.activeElement);
    banner.hidden = true;
    if (hadFocus) $('main').focus();
  }

  // Passing news fades only while the page is in view: a tab in the background keeps it for later.
  armFade() {
    clearTimeout(this.fade);
    if (!this.signal || LASTING.has(this.signal.kind) || document.visibilityState !== 'visible') return;
    this.fade = setTimeout(() => this.hide(), FADE_MS);
  }
}
