// The accessible alternative to the graph: the people and the encounters as two paged tables (50 rows
// a page, so that 5,000 people and 60,000 encounters stay light), following the graph's filters.
import { t } from './i18n.js';
import { $, el, replaceChildren, setText } from './dom.js';
import { Pager } from './pager.js';
import { nodeShown, shownEdges, personName, organisationName } from './review-data.js';
import { roundText } from './review-series.js';

const PAGE_SIZE = 50;

export class ReviewTables {
  // onShowPerson(id): the "see their encounters" button of a row.
  constructor(model, { onShowPerson }) {
    this.model = model;
    this.onShowPerson = onShowPerson;
    this.filters = { round: 0, organisation: null, talked: 'all' };
    this.peoplePager = new Pager($('people-pager'), PAGE_SIZE, () => this.drawPeople());
    this.encountersPager = new Pager($('encounters-pager'), PAGE_SIZE, () => this.drawEncounters());
    this.sortedPeople = null;
  }

  name(node) { return personName(node, t('anonymous')); }

  organisation(node) { return organisationName(node, t('anonymous'), t('no_organisation')); }

  setFilters(filters) {
    this.filters = { ...filters };
    this.peoplePager.page = 0;
    this.encountersPager.page = 0;
    this.draw();
  }

  draw(force = false) {
    this.sortedPeople = [...this.model.nodes].sort((x, y) => this.name(x).localeCompare(this.name(y)) || x.id - y.id);
    this.drawPeople(force);
    this.drawEncounters(force);
  }

  drawPeople(force = false) {
    const list = this.sortedPeople.filter((node) => nodeShown(this.model, node, this.filters));
    const rows = this.peoplePager.slice(list).map((node) => el('tr', { dataset: { id: node.id } },
      el('th', { scope: 'row', text: this.name(node) }),
      el('td', { text: this.organisation(node) }),
      el('td', { text: node.erased ? '' : node.role || '' }),
      el('td', { class: 'num', text: String(node.met ?? 0) }),
      el('td', { class: 'num', text: String(node.rounds_seated ?? 0) }),
      el('td', {}, el('button', {
        type: 'button', class: 'secondary small', on: { click: () => this.onShowPerson(node.id) },
      }, t('person_show'), el('span', { class: 'visually-hidden', text: ` — ${this.name(node)}` })))));
    replaceChildren($('people-rows'), rows);
    setText('people-summary', list.length ? this.peoplePager.range(list.length) : t('table_empty'));
    this.peoplePager.draw(force);
  }

  drawEncounters(force = false) {
    const list = shownEdges(this.model, this.filters);
    const answer = (value) => t(`answer_${value || 'none'}`);
    const rows = this.encountersPager.slice(list).map((edge) => {
      const a = this.model.byId.get(edge.a);
      const b = this.model.byId.get(edge.b);
      return el('tr', {},
        el('td', { text: a ? `${this.name(a)} (${this.organisation(a)})` : String(edge.a) }),
        el('td', { text: b ? `${this.name(b)} (${this.organisation(b)})` : String(edge.b) }),
        el('td', { text: (edge.rounds || []).map((n) => roundText(this.model, n)).join(', ') }),
        el('td', { text: (edge.tables || []).join(', ') }),
        el('td', { text: answer(edge.talked) }),
        el('td', { text: answer(edge.keep_in_touch) }));
    });
    replaceChildren($('encounter-rows'), rows);
    setText('encounters-summary', list.length ? this.encountersPager.range(list.length) : t('table_empty'));
    this.encountersPager.draw(force);
  }
}
