// Draws a `host_state` into host.html: overview, live tables, attendee list and the move form.
import { t } from './i18n.js';
import { $, el, setText, replaceChildren } from './dom.js';
import { Countdown } from './countdown.js';

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
  'move-submit': (s) => s.phase === 'round',
};

// A control stays focusable when it does not apply (aria-disabled), so focus is never lost.
export function isEnabled(button) {
  return button.getAttribute('aria-disabled') !== 'true';
}

export class HostView {
  constructor(clock, { onRemove }) {
    this.onRemove = onRemove;
    this.state = null;
    this.countdown = new Countdown($('host-countdown'), clock);
    this.moveSignature = '';
  }

  setState(state) {
    this.state = state;
    this.draw();
  }

  setPresent(present) {
    if (!this.state) return;
    this.state.present = present;
    setText('present', String(present));
  }

  redraw() {
    this.moveSignature = '';
    if (this.state) this.draw();
  }

  draw() {
    const s = this.state;
    setText('phase', t(`phase_${s.phase}`));
    setText('round', s.round > 0 ? t('round_of', { round: s.round, rounds: s.rounds }) : t('round_none'));
    setText('present', String(s.present ?? 0));
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
    this.drawTables(s);
    this.drawAttendees(s);
    this.drawMoveForm(s);
  }

  byId() {
    return new Map((this.state.attendees || []).map((a) => [a.id, a]));
  }

  drawTables(s) {
    const people = this.byId();
    const tables = s.phase === 'round' ? (s.tables || []) : [];
    setText('tables-heading', s.round > 0 && s.phase === 'round'
      ? t('tables_heading', { round: s.round }) : t('tables_heading_none'));
    replaceChildren($('tables'), tables.map((table) => el('section',
      { class: 'table-card', dataset: { table: table.number }, attrs: { 'aria-labelledby': `table-${table.number}` } },
      el('h3', { id: `table-${table.number}` }, t('table_n', { n: table.number })),
      el('ul', {}, table.attendees.map((id) => {
        const who = people.get(id);
        return el('li', { dataset: { attendeeId: id } }, who ? who.name : `#${id}`,
          who && who.organisation ? el('span', { class: 'mate-meta' }, who.organisation) : null);
      })))));
    $('no-tables').hidden = tables.length > 0;
  }

  drawAttendees(s) {
    const list = s.attendees || [];
    setText('attendees-heading', t('attendees_heading', { n: list.length }));
    const focused = document.activeElement && document.activeElement.dataset
      ? document.activeElement.dataset.removeId : undefined;
    replaceChildren($('attendees'), list.map((a) => el('tr', { dataset: { attendeeId: a.id } },
      el('td', { class: 'attendee-name' }, a.name),
      el('td', {}, a.organisation),
      el('td', {}, a.role || ''),
      el('td', { class: a.connected ? 'is-online' : 'is-offline' },
        el('span', { class: 'presence-dot', attrs: { 'aria-hidden': 'true' } }),
        a.connected ? t('online') : t('offline')),
      el('td', { class: 'attendee-table' }, a.table === null || a.table === undefined ? t('not_seated') : String(a.table)),
      el('td', {}, el('button', {
        type: 'button', class: 'secondary small', dataset: { removeId: a.id },
        on: { click: () => this.onRemove(a) },
      }, t('remove'), el('span', { class: 'visually-hidden' }, ` ${a.name}`))))));
    $('attendees-table').hidden = list.length === 0;
    $('no-attendees').hidden = list.length > 0;
    if (focused !== undefined) {
      const again = $('attendees').querySelector(`[data-remove-id="${CSS.escape(focused)}"]`);
      (again || $('attendees-heading')).focus();
    }
  }

  // Refill the selects only when their options change, keeping what the host had chosen.
  drawMoveForm(s) {
    const list = s.attendees || [];
    const numbers = (s.phase === 'round' ? (s.tables || []) : []).map((table) => table.number);
    const next = (numbers.length ? Math.max(...numbers) : 0) + 1;
    const signature = JSON.stringify([list.map((a) => [a.id, a.name, a.table]), numbers]);
    if (signature === this.moveSignature) return;
    this.moveSignature = signature;
    const who = $('move-attendee');
    const where = $('move-table');
    const keepWho = who.value;
    const keepWhere = where.value;
    replaceChildren(who, list.map((a) => el('option', { value: String(a.id) },
      a.table ? `${a.name} (${t('table_n', { n: a.table })})` : a.name)));
    replaceChildren(where,
      [...numbers].sort((x, y) => x - y).map((n) => el('option', { value: String(n) }, t('table_n', { n }))),
      el('option', { value: String(next) }, t('new_table', { n: next })));
    if ([...who.options].some((o) => o.value === keepWho)) who.value = keepWho;
    if ([...where.options].some((o) => o.value === keepWhere)) where.value = keepWhere;
  }
}
