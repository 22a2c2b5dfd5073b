// The host console's table cards: the live round's, or any past round's (asked of the server once, then
// kept), one page at a time. Offline people and tables where nobody, or one person only, is online are
// flagged; during a round each person has a "Move" button.
import { t, lang } from './i18n.js';
import { $, el, setText, replaceChildren } from './dom.js';
import { statusOf } from './host-state.js';
import { connectionOf, tableFlags } from './attendee-query.js';
import { syncChildren } from './keyed-list.js';
import { Pager } from './pager.js';

const CARDS_PER_PAGE = 24;

export class TableCards {
  // onMove(attendee); onNeedRound(round): the tables of that past round are wanted from the server.
  constructor({ onMove, onNeedRound, redraw }) {
    this.onMove = onMove;
    this.onNeedRound = onNeedRound;
    this.chosen = null;  // the round the host picked; null: the latest
    this.past = new Map();  // round → Map number → table, as the server gave them
    this.asked = new Set();
    this.roundsSignature = '';
    this.pager = new Pager($('tables-pager'), CARDS_PER_PAGE, redraw);
    $('tables-round').addEventListener('change', (event) => {
      // The first choice is the latest round: chosen, it follows the next rounds as they come.
      this.chosen = event.target.selectedIndex === 0 ? null : Number(event.target.value);
      this.pager.page = 0;
      redraw();
    });
    $('tables-flagged').addEventListener('change', () => {
      this.pager.page = 0;
      redraw();
    });
  }

  // A new snapshot: what was asked on an earlier connection may never come.
  forgetRounds() {
    this.past.clear();
    this.asked.clear();
  }

  setRound(round, tables) {
    this.past.set(round, tables);
  }

  // The round on show, and its tables: the live ones, a past round's, or null while they are asked for.
  shown(s) {
    const round = this.chosen !== null && this.chosen <= s.round ? this.chosen : s.round;
    if (round === 0) return { round, live: false, tables: new Map() };
    const live = s.phase === 'round' && round === s.round;
    if (live) return { round, live, tables: s.tables };
    if (!this.past.has(round) && !this.asked.has(round)) {
      this.asked.add(round);
      this.onNeedRound(round);
    }
    return { round, live, tables: this.past.get(round) ?? null };
  }

  draw(s, force = false) {
    const { round, live, tables } = this.shown(s);
    this.drawRounds(s, round, force);
    setText('tables-heading', round === 0 ? t('tables_heading_none')
      : t(live ? 'tables_heading' : 'tables_heading_past', { round }));
    $('tables-flagged-field').hidden = !live;
    const onlyFlagged = live && $('tables-flagged').checked;
    const all = tables ? [...tables.values()].sort((x, y) => x.number - y.number) : [];
    const flags = new Map(live ? all.map((table) => [table.number, tableFlags(s, table)]) : []);
    const watched = (table) => flags.get(table.number).offline > 0 || flags.get(table.number).online <= 1;
    const list = onlyFlagged ? all.filter(watched) : all;
    const page = this.pager.slice(list);
    const language = lang();
    syncChildren($('tables'), page.map((table) => {
      const people = table.attendees.map((id) => s.attendees.get(id));
      return {
        key: table.number,
        signature: `${language}|${live}|${table.number}|${people.map((a, i) => (a
          ? `${a.id}:${a.name}:${a.organisation}:${connectionOf(a)}:${!!a.erased}` : table.attendees[i])).join(',')}`,
        render: () => this.card(table, people, live ? flags.get(table.number) : null),
      };
    }));
    this.pager.draw(force);
    if (tables === null) setText('tables-summary', t('loading'));
    else if (round === 0 || all.length === 0) setText('tables-summary', '');
    else if (live) setText('tables-summary', t('tables_summary', { n: all.length, flagged: all.filter(watched).length }));
    else setText('tables-summary', t('tables_summary_past', { n: all.length }));
    const noTables = $('no-tables');
    noTables.hidden = tables === null || list.length > 0;
    setText(noTables, all.length > 0 ? t('no_flagged_tables') : t('no_tables'));
  }

  // The rounds the host may look at, latest first.
  drawRounds(s, round, force) {
    const signature = `${lang()}|${s.round}|${s.phase}|${round}`;
    if (!force && signature === this.roundsSignature) return;
    this.roundsSignature = signature;
    $('tables-round-field').hidden = s.round === 0;
    const select = $('tables-round');
    const options = [];
    for (let r = s.round; r >= 1; r -= 1) {
      const live = s.phase === 'round' && r === s.round;
      options.push(el('option', { value: String(r) }, t(live ? 'round_option_live' : 'round_option', { round: r })));
    }
    replaceChildren(select, options);
    select.value = String(round);
  }

  card(table, people, flags) {
    const heading = `table-${table.number}`;
    const badges = [];
    if (flags && flags.offline > 0) badges.push(t('flag_offline', { n: flags.offline }));
    if (flags && flags.online === 1) badges.push(t('flag_alone'));
    if (flags && flags.online === 0) badges.push(t('flag_empty'));
    return el('section', {
      class: badges.length ? 'table-card is-flagged' : 'table-card',
      dataset: { table: table.number }, attrs: { 'aria-labelledby': heading },
    },
    el('h3', { id: heading }, t('table_n', { n: table.number })),
    badges.length ? el('p', { class: 'flags' }, badges.map((text) => el('span', { class: 'flag' }, text))) : null,
    el('ul', {}, people.map((who, i) => this.person(who, table.attendees[i], flags !== null))));
  }

  person(who, id, live) {
    if (!who) return el('li', { dataset: { attendeeId: id } }, `#${id}`);
    const connection = connectionOf(who);
    return el('li', { dataset: { attendeeId: id }, class: live ? `is-${connection === 'connected' ? 'online' : 'offline'}` : null },
      live ? el('span', { class: 'presence-dot', attrs: { 'aria-hidden': 'true' } }) : null,
      el('span', { class: 'mate-name' }, who.erased ? t('anonymous') : who.name),
      live && connection !== 'connected' ? el('span', { class: 'offline-note' }, `(${t(`connection_${connection}`)})`) : null,
      live && statusOf(who) === 'active' ? el('button', {
        type: 'button', class: 'secondary small', dataset: { moveId: id, focusKey: `card-move-${id}` },
        on: { click: () => this.onMove(who) },
      }, t('move'), el('span', { class: 'visually-hidden' }, ` ${who.name}`)) : null,
      who.organisation ? el('span', { class: 'mate-meta' }, who.organisation) : null);
  }
}
