// join.html: the topic tables of the coming round (protocol.md, Topic tables), in the lobby or the break
// before it: seats left, a button per table to choose it (aria-pressed), and a form to propose one.
import { t, errorText } from './i18n.js';
import { $, el, replaceChildren, setText, announce } from './dom.js';
import { messages } from './protocol.js';
import { topicLabel, eventTopics } from './purpose.js';

export const MAX_TOPIC_TABLE_TEXT = 60;  // protocol.md, Limits

// What a table is about: the event topic's label, or the proposer's own words.
export const tableSubject = (table) => (table.topic ? topicLabel(table.topic) : table.text);

export class TopicTables {
  // send(message): sends it, or returns null when the connection is down.
  constructor(send) {
    this.send = send;
    this.list = null;   // the last `topic_tables`
    this.mine = null;   // this attendee's choice, as the server last said (topic_tables, me)
    this.phase = null;
    this.pendingProposal = null;  // the ref of their proposal, until it is answered
    $('tt-propose').addEventListener('submit', (event) => this.propose(event));
    $('tt-unchoose').addEventListener('click', () => this.unchoose());
  }

  // `topic_tables`: the list; its `mine` is as fresh as the list.
  setList(msg) {
    this.list = msg;
    this.mine = msg.mine;
    this.draw();
  }

  // `me`: their own choice, at once after they chose.
  setMine(mine) {
    const changed = mine !== this.mine;
    this.mine = mine;
    if (!changed || !this.list) return;
    const table = this.list.tables.find((x) => x.id === mine);
    announce(table ? t('tt_mine_now', { topic: tableSubject(table) }) : t('tt_mine_none'));
    this.draw();
  }

  // Shown only before a topic round: the state's `kind` is that of the round coming.
  setState(state) {
    this.phase = state.phase;
    this.kind = state.kind;
    this.draw();
  }

  visible() {
    return Boolean(this.list) && this.kind === 'topic_tables' && (this.phase === 'lobby' || this.phase === 'break');
  }

  draw() {
    const card = $('topic-tables-card');
    card.hidden = !this.visible();
    if (card.hidden) return;
    setText('tt-heading', t('tt_heading', { round: this.list.round }));
    const focused = document.activeElement && document.activeElement.id;
    const tables = this.list.tables;
    $('tt-none').hidden = tables.length > 0;
    replaceChildren($('tt-list'), tables.map((table) => this.item(table)));
    $('tt-unchoose').hidden = !this.mine;
    this.drawTopics();
    if (focused && focused.startsWith('tt-') && $(focused)) $(focused).focus();
  }

  item(table) {
    const subject = tableSubject(table);
    const left = Math.max(0, table.cap - table.seats_taken);
    const mine = table.id === this.mine;
    const full = left === 0 && !mine;
    const button = el('button', {
      type: 'button',
      id: `tt-choose-${table.id}`,
      class: mine ? '' : 'secondary',
      attrs: { 'aria-pressed': mine ? 'true' : 'false', 'aria-describedby': `tt-seats-${table.id}` },
      disabled: full,
      text: mine ? t('tt_chosen', { topic: subject }) : t('tt_choose', { topic: subject }),
      on: { click: () => { if (!mine) this.send(messages.chooseTopicTable(table.id)); } },
    });
    return el('li', { class: 'topic-table' },
      el('span', { class: 'topic-table-subject', text: subject }),
      table.proposed_by_name ? el('span', { class: 'hint', text: ` (${t('tt_by', { name: table.proposed_by_name })})` }) : null,
      el('span', { class: 'topic-table-seats', id: `tt-seats-${table.id}`, text: left === 0 ? t('tt_full') : t('tt_seats_left', { n: left }) }),
      button);
  }

  // The topic select of the proposal form: the event's topics, or none (then only words).
  drawTopics() {
    const select = $('tt-topic');
    const topics = eventTopics();
    $('tt-topic-field').hidden = topics.length === 0;
    if (select.options.length === topics.length + 1 && select.dataset.lang === document.documentElement.lang) return;
    const value = select.value;
    select.dataset.lang = document.documentElement.lang;
    replaceChildren(select, el('option', { value: '', text: t('tt_propose_topic_none') }),
      topics.map((topic) => el('option', { value: topic.id, text: topicLabel(topic.id), selected: topic.id === value })));
  }

  unchoose() {
    this.send(messages.chooseTopicTable(null));
  }

  propose(event) {
    event.preventDefault();
    const topic = $('tt-topic').value;
    const text = $('tt-text').value.trim();
    if (!topic === !text) {
      setText('tt-propose-error', t('tt_propose_one'));
      $('tt-text').focus();
      return;
    }
    setText('tt-propose-error', '');
    this.pendingProposal = this.send(messages.proposeTopicTable(topic, text));
    if (this.pendingProposal !== null) $('tt-text').value = '';
  }

  // An error answering their proposal, said next to the form; false for any other error.
  refused(err) {
    if (err.ref === undefined || err.ref !== this.pendingProposal) return false;
    this.pendingProposal = null;
    const key = { table_full: 'tt_propose_full', forbidden: 'tt_propose_once' }[err.code];
    setText('tt-propose-error', key ? t(key) : errorText(err));
    return true;
  }
}
