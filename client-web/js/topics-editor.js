// index.html: the event's topics, starting from the sector's default list (/data/topics.json, from
// shared/topics.json) that the host edits: a French label, an optional English one, a row each. Each
// topic's id is the slug of its French label (protocol.md, "Topics and purpose").
import { t } from './i18n.js';
import { fold } from './fold.js';
import { $, el, announce } from './dom.js';

export const TOPIC_LIMITS = { count: 40, id: 40, label: 60 };  // protocol.md, Limits

// "Santé mentale" -> "sante-mentale"; "Création d'activité" -> "creation-d-activite".
export function slug(label) {
  return fold(label)
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, TOPIC_LIMITS.id).replace(/-+$/, '');
}

export class TopicsEditor {
  constructor(root) {
    this.root = root;
    this.rows = [];  // {fr, en} as typed
    $('topic-add').addEventListener('click', () => {
      this.keep();
      this.rows.push({ fr: '', en: '' });
      this.draw();
      this.root.querySelector(`#topic-fr-${this.rows.length}`).focus();
    });
  }

  async load() {
    try {
      const response = await fetch('data/topics.json');
      const list = response.ok ? await response.json() : [];
      this.rows = list.map((topic) => ({ fr: topic.fr, en: topic.en || '' }));
    } catch { this.rows = []; }
    this.draw();
  }

  // What is typed, kept before drawing again (a language switch, a row added or removed).
  keep() {
    this.rows = this.rows.map((row, i) => ({
      fr: this.root.querySelector(`#topic-fr-${i + 1}`)?.value ?? row.fr,
      en: this.root.querySelector(`#topic-en-${i + 1}`)?.value ?? row.en,
    }));
  }

  draw() {
    this.root.textContent = '';
    this.rows.forEach((row, i) => {
      const n = i + 1;
      this.root.append(el('li', { class: 'topic-row' },
        el('label', { attrs: { for: `topic-fr-${n}` }, class: 'visually-hidden' }, t('topic_fr', { n })),
        el('input', { id: `topic-fr-${n}`, value: row.fr, maxLength: TOPIC_LIMITS.label, lang: 'fr' }),
        el('label', { attrs: { for: `topic-en-${n}` }, class: 'visually-hidden' }, t('topic_en', { n })),
        el('input', { id: `topic-en-${n}`, value: row.en, maxLength: TOPIC_LIMITS.label, lang: 'en' }),
        el('button', { type: 'button', class: 'secondary small', text: '×',
          attrs: { 'aria-label': t('topic_remove', { n }) },
          on: { click: () => this.remove(i) } })));
    });
  }

  remove(index) {
    this.keep();
    const [gone] = this.rows.splice(index, 1);
    this.draw();
    announce(gone.fr);
    const next = this.root.querySelector(`#topic-fr-${Math.min(index + 1, this.rows.length)}`);
    (next || $('topic-add')).focus();
  }

  // The topics to send: empty rows dropped, each with the slug of its French label as id.
  read() {
    this.keep();
    return this.rows.map((row) => ({ fr: row.fr.trim(), en: row.en.trim() }))
      .filter((row) => row.fr)
      .map((row) => ({ id: slug(row.fr), fr: row.fr, ...(row.en ? { en: row.en } : {}) }));
  }
}
