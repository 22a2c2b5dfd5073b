// host.html: the plan of rounds (a kind per round, changeable until the round starts) and the needs met at
// the current round's tables, with one click for a mutual-help round serving the needs never met.
import { t } from './i18n.js';
import { $, el, replaceChildren, setText, announce } from './dom.js';
import { messages } from './protocol.js';
import { drawPlan, kindName } from './round-plan.js';

const personName = (state, id) => (state.attendees.get(id) || {}).name || `#${id}`;

export class HostPlan {
  // send(message): sends a command, or says the connection is down and returns null.
  constructor(send) {
    this.send = send;
    this.drawn = null;
    $('needs-start').addEventListener('click', () => this.startMutualHelp());
  }

  // The first round that can still change: the rounds up to the current one have started.
  started(state) {
    return state.phase === 'lobby' ? 0 : state.round;
  }

  draw(state, force = false) {
    this.state = state;
    const key = [state.round_kinds, state.needs, state.phase, state.round, state.attendees];
    if (!force && this.drawn && key.every((part, i) => part === this.drawn[i])) return;
    this.drawn = key;
    const open = state.phase !== 'ended';
    // A kind chosen by keyboard comes back from the server and redraws the list: focus stays on its select.
    const focused = document.activeElement && document.activeElement.id;
    drawPlan($('host-plan'), 'host-kind', state.round_kinds || [], open ? this.started(state) : Infinity,
      (round, kind) => {
        if (this.send(messages.setRoundKind(round, kind)) !== null) {
          announce(t('plan_changed', { n: round, kind: kindName(kind) }));
        }
      });
    if (focused && focused.startsWith('host-kind-') && $(focused)) $(focused).focus();
    this.drawNeeds(state);
  }

  drawNeeds(state) {
    const needs = state.needs;
    const panel = $('needs-panel');
    panel.hidden = !needs;
    if (!needs) return;
    const total = needs.met.length + needs.unmet.length;
    setText('needs-summary', total ? t('needs_summary', { round: needs.round, met: needs.met.length, total })
      : t('needs_none'));
    $('needs-unmet-heading').hidden = needs.unmet.length === 0;
    replaceChildren($('needs-unmet'), needs.unmet.map((id) => el('li', { text: personName(state, id) })));
    setText('needs-never', t('needs_never', { n: needs.never_met.length }));
    const can = (state.phase === 'round' || state.phase === 'break') && needs.never_met.length > 0;
    $('needs-start').hidden = !can;
  }

  // The next round becomes a mutual-help round (one more round after the last), and starts now.
  startMutualHelp() {
    const s = this.state;
    if (!s || (s.phase !== 'round' && s.phase !== 'break')) return;
    if (this.send(messages.setRoundKind(s.round + 1, 'mutual_help')) === null) return;
    this.send(messages.nextRound());
    announce(t('needs_started'));
  }
}
