// One person's encounters, chosen by a click on the graph or, for keyboard and screen reader users,
// through the search box and its list of matches (a plain <select>, so the keyboard works as usual).
import { t } from './i18n.js';
import { $, el, replaceChildren, setText, announce } from './dom.js';
import { roundText } from './review-series.js';
import { encountersOf, searchPeople, personName, organisationName } from './review-data.js';

const MATCHES_SHOWN = 50;

export class PersonPanel {
  // onChoose(id | null): the page highlights the person in the graph.
  constructor(model, { onChoose }) {
    this.model = model;
    this.onChoose = onChoose;
    this.current = null;
    $('person-search').addEventListener('input', () => this.drawMatches());
    $('person-pick-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const id = Number($('person-pick').value);
      if ($('person-pick').value !== '' && this.model.byId.has(id)) this.choose(id, 'list');
    });
    $('person-clear').addEventListener('click', () => {
      this.choose(null);
      $('person-search').focus(); // the button is hidden with the details: focus goes back to the search
    });
  }

  drawMatches() {
    const { found, total } = searchPeople(this.model, $('person-search').value, t('anonymous'), MATCHES_SHOWN);
    const options = found.map((node) => el('option', { value: String(node.id) },
      `${personName(node, t('anonymous'))} — ${organisationName(node, t('anonymous'), t('no_organisation'))}`));
    const pick = $('person-pick');
    const kept = pick.value;
    replaceChildren(pick, options);
    if (found.some((node) => String(node.id) === kept)) pick.value = kept;
    else if (found.length) pick.selectedIndex = 0;
    setText('person-matches', t('person_matches', { n: total, shown: found.length, more: total > found.length }));
  }

  // Shows the person's encounters. Chosen `from` a list (the search, a table), focus moves to the details
  // so they are read next; from the graph, the page stays where it is (no scroll away from the graph)
  // and the choice is announced.
  choose(id, from = null) {
    this.current = id;
    this.draw();
    this.onChoose(id);
    if (from === null || id === null) return;
    if (from === 'list') $('person-heading').focus();
    announce(t('person_heading', { name: personName(this.model.byId.get(id), t('anonymous')) }));
  }

  draw() {
    const node = this.current === null ? null : this.model.byId.get(this.current);
    $('person-details').hidden = !node;
    setText('person-none', node ? '' : t('person_none'));
    if (!node) return;
    const name = personName(node, t('anonymous'));
    setText('person-heading', t('person_heading', { name }));
    const facts = t('person_facts', {
      org: organisationName(node, t('anonymous'), t('no_organisation')), met: node.met ?? 0, rounds: node.rounds_seated ?? 0,
    });
    setText('person-facts', node.left ? `${facts} · ${t('person_left')}` : facts);
    const rows = encountersOf(this.model, node.id);
    const answer = (value) => t(`answer_${value || 'none'}`);
    replaceChildren($('person-rows'), rows.map((row) => el('tr', {},
      el('td', { text: roundText(this.model, row.round) }),
      el('td', { class: 'num', text: row.table === undefined ? '' : String(row.table) }),
      el('td', { text: `${personName(row.other, t('anonymous'))} (${organisationName(row.other, t('anonymous'), t('no_organisation'))})` }),
      el('td', { text: answer(row.talked) }),
      el('td', { text: answer(row.keep) }))));
    $('person-table').hidden = rows.length === 0;
    setText('person-empty', rows.length ? '' : t('person_no_encounter'));
  }
}
