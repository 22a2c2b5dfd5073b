// The host console's list of attendees: search, filters, sortable columns and one page of rows at a
// time, so that 10,000 people cost one page of rows. Each row has its actions: move, merge, remove.
import { t, lang } from './i18n.js';
import { $, el, setText, replaceChildren, announce } from './dom.js';
import { statusOf, tableOf } from './host-state.js';
import { AttendeeQuery, DEFAULT_CRITERIA, connectionOf, fold } from './attendee-query.js';
import { syncChildren } from './keyed-list.js';
import { Pager } from './pager.js';

const ROWS_PER_PAGE = 50;
const ANNOUNCE_AFTER_MS = 700;  // a count read once typing pauses, not at every key


// The département they gave (their purpose), as its code; '' when none.
const departementOf = (a) => (a.purpose && a.purpose.departement) || '';
export class AttendeeList {
  // actions: {onMove(attendee), onMerge(attendee), onRemove(attendee)}; redraw(): draw the console again.
  constructor(actions, redraw) {
    this.actions = actions;
    this.redraw = redraw;
    this.criteria = { ...DEFAULT_CRITERIA };
    this.query = new AttendeeQuery();
    this.pager = new Pager($('attendees-pager'), ROWS_PER_PAGE, redraw);
    this.organisations = null;
    this.organisationsLang = '';
    this.found = 0;
    this.announceTimer = null;
    this.wireControls();
  }

  wireControls() {
    const changed = (field, value) => {
      this.criteria = { ...this.criteria, [field]: value };
      this.pager.page = 0;
      this.redraw();
      clearTimeout(this.announceTimer);
      this.announceTimer = setTimeout(() => announce(t('found', { n: this.found })), ANNOUNCE_AFTER_MS);
    };
    $('attendee-filters').addEventListener('submit', (event) => event.preventDefault());
    $('attendee-search').addEventListener('input', (event) => changed('text', event.target.value));
    $('attendee-show').addEventListener('change', (event) => changed('show', event.target.value));
    $('attendee-organisation').addEventListener('change', (event) => changed('organisation', event.target.value || null));
    $('attendee-table').addEventListener('input', (event) => {
      const number = Number(event.target.value);
      changed('table', event.target.value !== '' && Number.isInteger(number) && number > 0 ? number : null);
    });
    for (const button of document.querySelectorAll('#attendees-table button.sort')) {
      button.addEventListener('click', () => {
        const sort = button.dataset.sort;
        this.criteria = { ...this.criteria, sort, descending: this.criteria.sort === sort && !this.criteria.descending };
        this.redraw();
      });
    }
  }

  draw(s, force = false) {
    const ids = this.query.run(s, this.criteria);
    this.found = ids.length;
    setText('attendees-heading', t('attendees_heading', { n: s.attendees.size }));
    this.drawOrganisations(s, force);
    for (const button of document.querySelectorAll('#attendees-table button.sort')) {
      const th = button.parentElement;
      if (button.dataset.sort === this.criteria.sort) th.setAttribute('aria-sort', this.criteria.descending ? 'descending' : 'ascending');
      else th.removeAttribute('aria-sort');
    }
    const inRound = s.phase === 'round';
    const language = lang();
    syncChildren($('attendees'), this.pager.slice(ids).map((id) => {
      const a = s.attendees.get(id);
      const table = tableOf(s, id);
      return {
        key: id,
        signature: `${language}|${inRound}|${a.name}|${a.organisation}|${a.role}|${departementOf(a)}|${connectionOf(a)}|${table}`,
        render: () => this.row(a, table, inRound),
      };
    }));
    this.pager.draw(force);
    setText('attendees-summary', this.pager.range(ids.length));
    $('attendees-table').hidden = ids.length === 0;
    $('no-attendees').hidden = ids.length > 0;
    setText('no-attendees', s.attendees.size === 0 ? t('no_attendees') : t('no_match'));
  }

  // The organisation filter's choices, redrawn only when the organisations or their counts change.
  drawOrganisations(s, force) {
    if (!force && this.organisations === s.organisations && this.organisationsLang === lang()) return;
    this.organisations = s.organisations;
    this.organisationsLang = lang();
    const select = $('attendee-organisation');
    const names = [...s.organisations.keys()].sort((x, y) => (fold(x) < fold(y) ? -1 : fold(x) > fold(y) ? 1 : 0));
    replaceChildren(select, el('option', { value: '' }, t('organisation_all')),
      names.map((name) => el('option', { value: name }, t('organisation_option', { name, n: s.organisations.get(name) }))));
    const kept = this.criteria.organisation;
    if (kept !== null && s.organisations.has(kept)) select.value = kept;
    else if (kept !== null) this.criteria = { ...this.criteria, organisation: null };
  }

  row(a, table, inRound) {
    const connection = connectionOf(a);
    const active = statusOf(a) === 'active';
    const name = a.erased ? t('anonymous') : a.name;
    const action = (kind, label, on) => el('button', {
      type: 'button', class: 'secondary small',
      dataset: { [`${kind}Id`]: a.id, focusKey: `${kind}-${a.id}` }, on: { click: on },
    }, label, el('span', { class: 'visually-hidden' }, ` ${name}`));
    return el('tr', { dataset: { attendeeId: a.id }, class: active ? null : 'is-gone' },
      el('td', { class: 'attendee-name' }, name),
      el('td', {}, a.organisation),
      el('td', {}, a.role || ''),
      el('td', {}, departementOf(a)),
      el('td', { class: connection === 'connected' ? 'is-online' : 'is-offline' },
        el('span', { class: 'presence-dot', attrs: { 'aria-hidden': 'true' } }),
        t(`connection_${connection}`)),
      el('td', { class: 'attendee-table' }, table === null ? t('not_seated') : String(table)),
      el('td', {}, el('div', { class: 'row-actions' },
        inRound && active ? action('move', t('move'), () => this.actions.onMove(a)) : null,
        a.erased ? null : action('merge', t('merge'), () => this.actions.onMerge(a)),
        active ? action('remove', t('remove'), () => this.actions.onRemove(a)) : null,
        a.erased ? null : action('erase', t('erase'), () => this.actions.onErase(a)))));
  }
}
