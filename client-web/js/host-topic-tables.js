// host.html: the coming round's topic tables (protocol.md, Topic tables), in « Programme des tours »: one
// click opens a table on each of the event's topics; each open table shows its choosers and closes.
import { t } from './i18n.js';
import { $, el, replaceChildren, setText, announce } from './dom.js';
import { messages } from './protocol.js';
import { topicLabel, eventTopics } from './purpose.js';
import { tableSubject } from './topic-tables.js';

export class HostTopicTables {
  // send(message): sends a command, or says the connection is down and returns null.
  constructor(send) {
    this.send = send;
    this.list = null;
    this.state = null;
  }

  setList(msg) {
    this.list = msg;
    this.draw();
  }

  setState(state) {
    this.state = state;
    this.draw();
  }

  draw() {
    const s = this.state;
    const panel = $('tt-host');
    panel.hidden = !(this.list && s && s.kind === 'topic_tables' && (s.phase === 'lobby' || s.phase === 'break'));
    if (panel.hidden) return;
    setText('tt-host-heading', t('tt_host_heading', { round: this.list.round }));
    const focused = document.activeElement && document.activeElement.id;
    replaceChildren($('tt-host-list'), this.list.tables.map((table) => {
      const subject = tableSubject(table);
      return el('li', {},
        el('span', { text: subject }),
        table.proposed_by_name ? el('span', { class: 'hint', text: ` (${t('tt_by', { name: table.proposed_by_name })})` }) : null,
        el('span', { class: 'hint', text: ` — ${t('tt_host_choosers', { n: table.seats_taken, cap: table.cap })} ` }),
        el('button', {
          type: 'button', class: 'secondary', id: `tt-host-close-${table.id}`, text: t('tt_host_close', { topic: subject }),
          on: { click: () => { if (this.send(messages.closeTopicTable(table.id)) !== null) announce(t('tt_host_closed', { topic: subject })); } },
        }));
    }));
    replaceChildren($('tt-host-open'), eventTopics().map((topic) => el('button', {
      type: 'button', class: 'secondary', id: `tt-host-open-${topic.id}`, text: t('tt_host_open', { topic: topicLabel(topic.id) }),
      on: { click: () => { if (this.send(messages.openTopicTable(topic.id, '')) !== null) announce(t('tt_host_opened', { topic: topicLabel(topic.id) })); } },
    })));
    if (focused && focused.startsWith('tt-host-') && $(focused)) $(focused).focus();
  }
}
