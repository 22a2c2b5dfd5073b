// Profiles with purpose: the form of needs, offers, département and structure (on joining and in "Mon
// profil"), and how a tablemate's purpose reads on the table card. The event's topics come from the
// server (event.topics); the départements and types of structure are the server's own lists
// (/data/*.json, from shared/ in the repository).
import { t, lang } from './i18n.js';
import { el } from './dom.js';

export const MAX_PURPOSE_TOPICS = 5;   // protocol.md, Limits: in needs, and in offers
export const MAX_NEED_TEXT = 280;

let topics = [];
let departements = [];
let structures = [];

export function setTopics(list) { topics = Array.isArray(list) ? list : []; }
export function hasTopics() { return topics.length > 0; }
export const eventTopics = () => topics;

// Both lists at once, once; a failure leaves the selects with their empty choice only.
let loading = null;
export function loadReference() {
  loading ||= Promise.all(['departements', 'structures'].map((name) => fetch(`data/${name}.json`)
    .then((r) => (r.ok ? r.json() : []))
    .catch(() => [])))
    .then(([d, s]) => { departements = d; structures = s; });
  return loading;
}

export const topicLabel = (id) => {
  const topic = topics.find((x) => x.id === id);
  if (!topic) return id;
  return lang() === 'en' && topic.en ? topic.en : topic.fr;
};
const structureLabel = (id) => {
  const s = structures.find((x) => x.id === id);
  return s ? (lang() === 'en' ? s.en : s.fr) : id;
};
export const departementLabel = (code) => {
  const d = departements.find((x) => x.code === code);
  return d ? `${d.code} — ${d.name}` : code;
};

export const isEmpty = (p) => !p || (!(p.needs || []).length && !p.need_text && !(p.offers || []).length
  && !p.departement && !p.structure);

// The fields, inside `root` (emptied), with ids prefixed by `prefix`; read() gives the purpose to send,
// set(purpose) fills them in. Drawn again (labels in the current language) by calling it again.
export function purposeFields(root, prefix, purpose = {}) {
  root.textContent = '';
  const topicBoxes = (kind, legendKey, hintKey) => {
    const chosen = new Set(purpose[kind] || []);
    const hintId = `${prefix}-${kind}-hint`;
    return el('fieldset', { class: 'topic-choice', attrs: { 'aria-describedby': hintId } },
      el('legend', {}, t(legendKey)),
      el('p', { class: 'hint', id: hintId }, t(hintKey, { max: MAX_PURPOSE_TOPICS })),
      topics.map((topic) => el('div', { class: 'check' },
        el('input', { type: 'checkbox', id: `${prefix}-${kind}-${topic.id}`, name: kind, value: topic.id,
          checked: chosen.has(topic.id) }),
        el('label', { attrs: { for: `${prefix}-${kind}-${topic.id}` } }, topicLabel(topic.id)))));
  };
  const select = (name, labelKey, options, value) => {
    const box = el('select', { id: `${prefix}-${name}`, name },
      el('option', { value: '' }, t('purpose_none')),
      options.map(([v, text]) => el('option', { value: v }, text)));
    box.value = value;
    return el('div', { class: 'field' }, el('label', { attrs: { for: `${prefix}-${name}` } }, t(labelKey)), box);
  };
  if (topics.length) {
    root.append(topicBoxes('needs', 'purpose_needs', 'purpose_needs_hint'),
      el('div', { class: 'field' },
        el('label', { attrs: { for: `${prefix}-need-text` } }, t('purpose_need_text')),
        el('textarea', { id: `${prefix}-need-text`, name: 'need_text', maxLength: MAX_NEED_TEXT, rows: 2,
          value: purpose.need_text || '', attrs: { 'aria-describedby': `${prefix}-need-text-hint` } }),
        el('p', { class: 'hint', id: `${prefix}-need-text-hint` }, t('purpose_need_text_hint', { max: MAX_NEED_TEXT }))),
      topicBoxes('offers', 'purpose_offers', 'purpose_offers_hint'));
  }
  root.append(
    select('departement', 'purpose_departement', departements.map((d) => [d.code, `${d.code} — ${d.name}`]),
      purpose.departement || ''),
    select('structure', 'purpose_structure', structures.map((s) => [s.id, lang() === 'en' ? s.en : s.fr]),
      purpose.structure || ''));
  const checked = (kind) => [...root.querySelectorAll(`input[name="${kind}"]:checked`)].map((x) => x.value);
  const value = (name) => (root.querySelector(`[name="${name}"]`)?.value || '').trim();
  return {
    read: () => ({ needs: checked('needs'), need_text: value('need_text'), offers: checked('offers'),
      departement: value('departement'), structure: value('structure') }),
  };
}

// The purpose as the table card reads it: a description list, in words (never colour alone).
export function purposeDescription(p) {
  if (isEmpty(p)) return null;
  const rows = [];
  const add = (key, ...value) => rows.push(el('dt', {}, t(key)), el('dd', {}, ...value));
  if ((p.needs || []).length || p.need_text) {
    const list = (p.needs || []).map(topicLabel).join(', ');
    add('purpose_seeks', list, list && p.need_text ? ' — ' : '', p.need_text ? el('q', {}, p.need_text) : null);
  }
  if ((p.offers || []).length) add('purpose_offers_short', p.offers.map(topicLabel).join(', '));
  if (p.departement) add('purpose_departement', departementLabel(p.departement));
  if (p.structure) add('purpose_structure', structureLabel(p.structure));
  return el('dl', { class: 'purpose' }, rows);
}
