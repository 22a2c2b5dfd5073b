// Draws the host console's state (host-state.js) into host.html: overview and counts, which controls
// apply, the table cards (table-cards.js) and the list of attendees (attendee-list.js).
import { t } from './i18n.js';
import { $, setText } from './dom.js';
import { Countdown } from './countdown.js';
import { countsOf } from './host-state.js';
import { TableCards } from './table-cards.js';
import { AttendeeList } from './attendee-list.js';
import { HostPlan } from './host-plan.js';

// Which controls make sense in which phase; the server checks again and answers wrong_phase.
const ALLOWED = {
  'start-event': (s) => s.phase === 'lobby',
  'next-round': (s) => s.phase === 'round' || s.phase === 'break',
  'end-round': (s) => s.phase === 'round',
  pause: (s) => (s.phase === 'round' || s.phase === 'break') && !s.paused,
  resume: (s) => s.paused && s.phase !== 'ended',
  extend: (s) => s.phase === 'round' || s.phase === 'break',
  'end-event': (s) => s.phase !== 'ended',
  'broadcast-send': (s) => s.phase !== 'ended',
};

// A control stays focusable when it does not apply (aria-disabled), so focus is never lost.
export function isEnabled(button) {
  return button.getAttribute('aria-disabled') !== 'true';
}

export class HostView {
  // actions: {onMove(attendee), onMerge(attendee), onRemove(attendee), onErase(attendee), onNeedRound(round),
  //          send(message)}
  constructor(clock, actions) {
    this.state = null;
    this.countdown = new Countdown($('host-countdown'), clock);
    const redraw = () => { if (this.state) this.draw(); };
    this.cards = new TableCards({ onMove: actions.onMove, onNeedRound: actions.onNeedRound, redraw });
    this.list = new AttendeeList(actions, redraw);
    this.plan = new HostPlan(actions.send);
  }

  // A snapshot starts a new connection: past rounds' tables are asked for again when wanted.
  setSnapshot(state) {
    this.cards.forgetRounds();
    this.setState(state);
  }

  setState(state) {
    this.state = state;
    this.draw();
  }

  // The tables of a past round, as the server answered `round_tables`.
  setRoundTables(round, tables) {
    this.cards.setRound(round, tables);
    if (this.state) this.draw();
  }

  // Only the count changed: no need to redraw thousands of rows.
  setPresent(state) {
    this.state = state;
    setText('present', String(state.present ?? 0));
  }

  redraw() {
    if (this.state) this.draw(true);
  }

  draw(force = false) {
    const s = this.state;
    setText('phase', t(`phase_${s.phase}`));
    setText('round', s.round > 0 ? t('round_of', { round: s.round, rounds: s.rounds }) : t('round_none'));
    setText('present', String(s.present ?? 0));
    const counts = countsOf(s);
    setText('count-offline', String(counts.offline));
    setText('count-left', String(counts.left));
    setText('count-seated', String(counts.seated));
    $('host-paused').hidden = !s.paused;
    if (s.phase === 'round' || s.phase === 'break') {
      this.countdown.set({ deadline: s.deadline, paused: s.paused, remaining_ms: s.remaining_ms });
    } else {
      this.countdown.stop();
      setText('host-countdown', '—');
    }
    for (const [id, allowed] of Object.entries(ALLOWED)) {
      $(id).setAttribute('aria-disabled', String(!allowed(s)));
    }
    $('pause').hidden = s.paused;
    $('resume').hidden = !s.paused;
    this.cards.draw(s, force);
    this.list.draw(s, force);
    this.plan.draw(s, force);
  }
}
