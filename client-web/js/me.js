// An attendee's own part: the end-of-round card (in the break), and after the end "Les personnes
// rencontrées", "Mes contacts" and the personal link. Drawn from the `me` view (protocol.md); each answer
// is one tap, sent at once through onAnswer(message), and can be changed later.
import { t } from './i18n.js';
import { $, el, replaceChildren, setText, wireCopy } from './dom.js';
import { messages } from './protocol.js';

const SCORES = [1, 2, 3, 4, 5];

// A person's organisation and role, as one line.
const metaOf = (p) => [p.organisation, p.role].filter(Boolean).join(' · ');

export class MePage {
  // onAnswer(message) sends a card's answer (WebSocket during the event, REST after it).
  constructor({ onAnswer }) {
    this.onAnswer = onAnswer;
    this.me = null;
    this.shapes = {};  // container id -> what is drawn there, so an update keeps focus in place
    wireCopy($('copy-personal-link'), () => $('personal-link').value, $('personal-link-copied'));
  }

  set(me) { this.me = me; }

  // The card of one round, in the break that follows it; hidden when that round seated nobody with them.
  drawCard(round) {
    const entry = this.me && this.me.met.find((r) => r.round === round);
    $('card-section').hidden = !entry;
    if (!entry) return;
    setText('card-heading', t('card_heading', { round, table: entry.table }));
    this.draw('card-body', [entry], 'card');
  }

  hideCard() { $('card-section').hidden = true; }

  // Everything after the end: whom they met and their answers, and mutual contacts.
  drawPage() {
    const me = this.me;
    if (!me) return;
    $('me-section').hidden = false;
    $('no-met').hidden = me.met.length > 0;
    this.draw('met-body', me.met, 'met');
    replaceChildren($('contacts-list'), me.contacts.map((c) => this.contactItem(c)));
    $('no-contacts').hidden = me.contacts.length > 0;
  }

  // The personal link with its copy button and bookmark tip; hidden when `link` is null.
  showLink(link) {
    $('personal-link-section').hidden = !link;
    if (link && $('personal-link').value !== link) $('personal-link').value = link;
  }

  hidePage() { $('me-section').hidden = true; }

  // Rebuilt only when the people change; otherwise the answers are set in place (focus stays put).
  draw(containerId, rounds, prefix) {
    const shape = JSON.stringify([rounds.map((r) => [r.round, r.people.map((p) => p.id)]), t('card_talked')]);
    if (this.shapes[containerId] !== shape) {
      this.shapes[containerId] = shape;
      replaceChildren($(containerId), rounds.map((r) => this.roundBlock(r, prefix, prefix === 'met')));
    }
    for (const r of rounds) this.fill(r, prefix);
  }

  // titled: under the page's h2, each round has its h3 and each person an h4; in the card, people are h3.
  roundBlock(r, prefix, titled) {
    const people = r.people.map((p) => el('li', { class: 'met-person' },
      el(titled ? 'h4' : 'h3', { class: 'met-name' }, p.name),
      el('p', { class: 'mate-meta' }, metaOf(p)),
      this.choice(`${prefix}-talked-${r.round}-${p.id}`,
        [t('card_talked'), el('span', { class: 'visually-hidden' }, ` — ${p.name}`)], [
        ['yes', t('card_talked_yes'), () => this.onAnswer(messages.talked(r.round, p.id, true))],
        ['no', t('card_talked_no'), () => this.onAnswer(messages.talked(r.round, p.id, false))],
      ]),
      el('div', { class: 'check' },
        el('input', {
          type: 'checkbox',
          id: `${prefix}-keep-${r.round}-${p.id}`,
          on: { change: (e) => this.onAnswer(messages.keepInTouch(p.id, e.target.checked)) },
        }),
        el('label', { attrs: { for: `${prefix}-keep-${r.round}-${p.id}` } }, t('card_keep'),
          el('span', { class: 'visually-hidden' }, ` — ${p.name}`)))));
    const rating = this.choice(`${prefix}-rating-${r.round}`, t('card_useful'),
      SCORES.map((n) => [String(n), String(n), () => this.onAnswer(messages.rateTable(r.round, n))]),
      t('card_useful_hint'));
    return el('section', { class: 'round-card', attrs: { 'aria-label': t('met_round', r) } },
      titled ? el('h3', {}, t('met_round', r)) : null,
      el('ul', { class: 'met-list' }, people),
      rating);
  }

  // A group of radio buttons in a fieldset: one tap answers (arrow keys too). legend: text or nodes.
  choice(name, legend, options, hint = null) {
    return el('fieldset', { class: 'choice' },
      el('legend', {}, legend),
      hint ? el('p', { class: 'hint' }, hint) : null,
      options.map(([value, label, run]) => el('label', { class: 'choice-option' },
        el('input', { type: 'radio', name, value, on: { change: run } }),
        ` ${label}`)));
  }

  fill(r, prefix) {
    for (const p of r.people) {
      setRadio(`${prefix}-talked-${r.round}-${p.id}`, p.talked === null ? null : (p.talked ? 'yes' : 'no'));
      const keep = $(`${prefix}-keep-${r.round}-${p.id}`);
      if (keep) keep.checked = Boolean(p.keep_in_touch);
    }
    setRadio(`${prefix}-rating-${r.round}`, r.rating === null ? null : String(r.rating));
  }

  contactItem(c) {
    return el('li', { class: 'contact' },
      el('span', { class: 'mate-name' }, c.name),
      el('span', { class: 'mate-meta' }, metaOf(c)),
      c.email ? el('a', { href: `mailto:${c.email}`, class: 'contact-email' }, c.email) : null,
      c.phone ? el('a', { href: `tel:${c.phone.replace(/[^+\d]/g, '')}`, class: 'contact-phone' }, c.phone) : null);
  }
}

function setRadio(name, value) {
  for (const input of document.getElementsByName(name)) input.checked = input.value === value;
}
