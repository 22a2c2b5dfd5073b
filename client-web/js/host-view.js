// Draws the host console's state (host-state.js) into host.html: overview, live tables, attendee list
// and the move form.
import { t } from './i18n.js';
import { $, el, setText, replaceChildren } from './dom.js';
import { Countdown } from './countdown.js';
import { tableOf } from './host-state.js';

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

  // Only the count changed: no need to redraw thousands of rows.
  setPresent(state) {
    this.state = state;
    setText('present', String(state.present ?? 0));
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

  drawTables(s) {
    const people = s.attendees;
    // Deltas add tables in the order they open; the host reads them by number.
    const tables = s.phase === 'round' ? [...s.tables.values()].sort((x, y) => x.number - y.number) : [];
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
    const list = [...s.attendees.values()];
    setText('attendees-heading', t('attendees_heading', { n: list.length }));
    const focused = document.activeElement && document.activeElement.dataset
      ? document.activeElement.dataset.removeId : undefined;
    replaceChildren($('attendees'), list.map((a) => this.attendeeRow(a, tableOf(s, a.id))));
    $('attendees-table').hidden = list.length === 0;
    $('no-attendees').hidden = list.length > 0;
    if (focused !== undefined) {
      const again = $('attendees').querySelector(`[data-remove-id="${CSS.escape(focused)}"]`);
      (again || $('attendees-heading')).focus();
    }
  }

  attendeeRow(a, table) {
    return el('tr', { dataset: { attendeeId: a.id } },
      el('td', { class: 'attendee-name' }, a.name),
      el('td', {}, a.organisation),
      el('td', {}, a.role || ''),
      el('td', { class: a.connected ? 'is-online' : 'is-offline' },
        el('span', { class: 'presence-dot', attrs: { 'aria-hidden': 'true' } }),
        a.connected ? t('online') : t('offline')),
      el('td', { class: 'attendee-table' }, table === null ? t('not_seated') : String(table)),
      el('td', {}, el('button', {
        type: 'button', class: 'secondary small', dataset: { removeId: a.id },
        on: { click: () => this.onRemove(a) },
      }, t('remove'), el('span', { class: 'visually-hidden' }, ` ${a.name}`))));
  }

  // Refill the selects only when their options change, keeping what the host had chosen.
  drawMoveForm(s) {
    const list = [...s.attendees.values()];
    const numbers = s.phase === 'round' ? [...s.tables.keys()] : [];
    const next = numbers.reduce((most, n) => Math.max(most, n), 0) + 1;
    const signature = JSON.stringify([list.map((a) => [a.id, a.name, tableOf(s, a.id)]), numbers]);
    if (signature === this.moveSignature) return;
    this.moveSignature = signature;
    const who = $('move-attendee');
    const where = $('move-table');
    const keepWho = who.value;
    const keepWhere = where.value;
    replaceChildren(who, list.map((a) => {
      const table = tableOf(s, a.id);
      return el('option', { value: String(a.id) }, table === null ? a.name : `${a.name} (${t('table_n', { n: table })})`);
    }));
    replaceChildren(where,
      [...numbers].sort((x, y) => x - y).map((n) => el('option', { value: String(n) }, t('table_n', { n }))),
      el('option', { value: String(next) }, t('new_table', { n: next })));
    if ([...who.options].some((o) => o.value === keepWho)) who.value = keepWho;
    if ([...where.options].some((o) => o.value === keepWhere)) where.value = keepWhere;
  }
}
