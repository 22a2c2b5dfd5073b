// The impact report (GET …/review/report): each figure with its one-line definition, simple bar charts
// in plain HTML (label, bar, number: read in that order by a screen reader), and the lists to act on.
import { t, lang } from './i18n.js';
import { el, replaceChildren } from './dom.js';
import { personName } from './review-data.js';
import { roundText } from './review-series.js';

const number = (value, digits = 2) => new Intl.NumberFormat(lang() === 'fr' ? 'fr-FR' : 'en-GB',
  { maximumFractionDigits: digits }).format(value);
const known = (value) => value !== null && value !== undefined;

// A figure: its name, its value (or "not computable"), its definition, and an optional chart or list.
function figure(id, nameKey, value, definitionKey, extra = null) {
  return el('div', { class: 'figure', id: `fig-${id}` },
    el('h3', { id: `fig-${id}-name`, text: t(nameKey) }),
    el('p', { class: 'figure-value', text: known(value) ? String(value) : t('not_computable') }),
    el('p', { class: 'figure-definition', text: t(definitionKey) }),
    extra);
}

// rows: [{label, value}]; bars scaled to the largest value.
function bars(rows, valueText) {
  const top = Math.max(1, ...rows.map((row) => row.value || 0));
  return el('ul', { class: 'bars' }, rows.map((row) => {
    const bar = el('span', { class: 'bar' });
    bar.style.width = `${Math.round(((row.value || 0) / top) * 100)}%`;
    return el('li', {},
      el('span', { class: 'bar-label', text: row.label }),
      el('span', { class: 'bar-track', attrs: { 'aria-hidden': 'true' } }, bar),
      el('span', { class: 'bar-value', text: valueText(row.value || 0) }));
  }));
}

// A list that may scroll: focusable and named, so that keyboard users can scroll it too.
function people(id, list, detail) {
  if (!list || list.length === 0) return el('p', { class: 'hint', text: t('list_empty') });
  return el('ol', { class: 'people-list', tabIndex: 0, attrs: { 'aria-labelledby': `fig-${id}-name` } }, list.map((person) => el('li', {},
    el('span', { class: 'person-name', text: personName(person, t('anonymous')) }),
    person.organisation ? el('span', { class: 'person-org', text: ` — ${person.organisation}` }) : null,
    detail ? el('span', { class: 'person-detail', text: ` (${detail(person)})` }) : null)));
}

const share = (value) => (known(value) ? t('share', { share: value }) : null);

export function renderReport(container, report) {
  const met = report.new_people_met || {};
  const talked = report.talked || {};
  const usefulness = report.usefulness || {};
  const presence = report.presence || {};
  const components = report.components || {};
  const perRound = report.attendees_per_round || [];
  const needs = report.needs || {};
  const seatedMax = Math.max(0, ...perRound.map((row) => row.seated));

  replaceChildren(container,
    figure('attendees-per-round', 'fig_attendees_per_round', perRound.length ? seatedMax : null, 'def_attendees_per_round',
      bars(perRound.map((row) => ({ label: roundText({ series: report.series }, row.round, (round) => t('chart_round_axis', { round })), value: row.seated })),
        (n) => t('chart_people', { n }))),
    figure('new-people', 'fig_new_people', known(met.median) && known(met.minimum)
      ? t('fig_new_people_value', { median: number(met.median, 1), minimum: met.minimum }) : null, 'def_new_people',
    bars((met.distribution || []).map((row) => ({ label: t('chart_met_axis', { met: row.met }), value: row.attendees })),
      (n) => t('chart_people', { n }))),
    figure('repeats', 'fig_repeats', known(report.repeats) ? number(report.repeats) : null, 'def_repeats'),
    figure('cross-org', 'fig_cross_org', share(report.cross_organisation_share), 'def_cross_org'),
    figure('cross-departement', 'fig_cross_departement', share(report.cross_departement_share), 'def_cross_departement'),
    figure('talked', 'fig_talked', known(talked.pairs) ? t('fig_talked_value', {
      one: share(talked.at_least_one) ?? t('not_computable'),
      both: share(talked.both) ?? t('not_computable'),
      pairs: talked.pairs, answered: talked.answered_pairs ?? 0,
    }) : null, 'def_talked'),
    figure('keep', 'fig_keep', known(report.mutual_keep_in_touch) ? number(report.mutual_keep_in_touch) : null, 'def_keep'),
    figure('usefulness', 'fig_usefulness', known(usefulness.mean)
      ? t('fig_usefulness_value', { mean: number(usefulness.mean, 1), answers: usefulness.answers }) : null, 'def_usefulness',
    bars((usefulness.distribution || []).map((n, i) => ({ label: t('chart_score', { score: i + 1 }), value: n })),
      (n) => number(n))),
    figure('presence', 'fig_presence', known(presence.median_visible_share) ? t('fig_presence_value', {
      visible: share(presence.median_visible_share), chat: presence.chat_sent ?? 0, video: presence.video_opened ?? 0,
    }) : null, 'def_presence'),
    figure('components', 'fig_components', known(components.count)
      ? t('fig_components_value', { count: components.count, largest: components.largest ?? 0 }) : null, 'def_components'),
    figure('ei', 'fig_ei', known(report.ei_index) ? number(report.ei_index) : null, 'def_ei'),
    figure('isolated', 'fig_isolated', (report.isolated || []).length, 'def_isolated', people('isolated', report.isolated)),
    figure('needs', 'fig_needs', needs.seeking_help ? t('fig_needs_value', { met: needs.met, total: needs.seeking_help }) : null,
      'def_needs', people('needs', needs.unmet)),
    figure('brokers', 'fig_brokers', null, 'def_brokers',
      people('brokers', report.brokers, (p) => t('betweenness_value', { value: number(p.betweenness) }))),
    figure('go-to', 'fig_go_to', null, 'def_go_to',
      people('go-to', report.go_to_people, (p) => t('wishes_received', { n: p.wishes_received }))));
  // A list figure has no single number: its list says it.
  for (const id of ['brokers', 'go-to']) container.querySelector(`#fig-${id} .figure-value`).remove();
}
