// The review of a whole series (review.html?series=ID#key=…): its events one after the other, and who
// in the series never met whom. The graph, report and tables are the event review's, over all events.
import { t, lang } from './i18n.js';
import { $, el, replaceChildren, setText } from './dom.js';
import { roundOf, personName, organisationName } from './review-data.js';

const NEVER_MET_SHOWN = 200;

// "Janvier, tour 2" in a series, `plain(n)` ("2") in an event: how every part of the page names a round.
export function roundText(model, n, plain = String) {
  const { event, round } = roundOf(model, n);
  return event ? t('series_round', { event: event.title, round }) : plain(n);
}

const pct = (share) => (share === null || share === undefined ? '—' : `${Math.round(share * 100)}\u00a0%`);
const num = (value) => (value === null || value === undefined ? '—'
  : new Intl.NumberFormat(lang() === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 }).format(value));

// One cell, with its change from the previous event when there is one ("+3", "−10 %").
function cell(value, previous, format) {
  const td = el('td', { class: 'num', text: format(value) });
  if (previous !== undefined && value !== null && previous !== null && value !== previous) {
    const diff = value - previous;
    const shown = format === pct ? `${Math.round(diff * 100)}\u00a0pt` : num(Math.abs(diff));
    td.append(el('span', { class: 'trend-change', text: ` (${diff > 0 ? '+' : '−'}${shown.replace(/^-/, '')})` }));
  }
  return td;
}

// People the series counts for "never met": named, and seated at least once.
function counted(node) {
  return !node.erased && (node.rounds_seated > 0 || node.met > 0);
}

export class SeriesPanel {
  constructor(model, report) {
    this.model = model;
    this.report = report;
    this.person = null;
    $('series-section').hidden = false;
  }

  draw() {
    const trend = this.report.trend || [];
    const events = new Map(((this.model.series && this.model.series.events) || []).map((e) => [e.id, e]));
    const columns = [
      ['attendees', num], ['returning', num], ['new_pairs', num], ['pairs_met_before', num],
      ['met_median', num], ['talked_both', pct], ['mutual_keep_in_touch', num],
      ['cross_organisation_share', pct], ['isolated', num], ['usefulness_mean', num],
    ];
    const rows = trend.map((point, i) => {
      const value = (p, key) => (key === 'new_pairs' ? p.pairs - p.pairs_met_before : p[key]);
      const previous = i > 0 ? trend[i - 1] : null;
      const event = events.get(point.event);
      const date = event && event.ended_at
        ? new Intl.DateTimeFormat(lang() === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium' }).format(new Date(event.ended_at))
        : t(`phase_${event ? event.phase : 'lobby'}`);
      return el('tr', {},
        el('th', { scope: 'row' }, el('span', { text: point.title }), el('span', { class: 'trend-date', text: date })),
        ...columns.map(([key, format]) => cell(value(point, key), previous ? value(previous, key) : undefined, format)));
    });
    replaceChildren($('trend-rows'), rows);
    const never = this.report.never_met || {};
    setText('never-met-summary', never.pairs
      ? t('never_met_summary', { people: never.people, never: never.pairs - never.met, pairs: never.pairs, share: pct(never.share) })
      : t('never_met_none'));
    this.drawNeverMet();
  }

  // The people of the series `id` never sat with, or a hint to choose someone.
  showNeverMet(id) {
    this.person = id;
    this.drawNeverMet();
  }

  drawNeverMet() {
    const node = this.person === null ? null : this.model.byId.get(this.person);
    if (!node) {
      setText('never-met-person', t('never_met_choose'));
      replaceChildren($('never-met-list'));
      return;
    }
    const met = new Set((this.model.incident.get(node.id) || []).map((edge) => (edge.a === node.id ? edge.b : edge.a)));
    const never = this.model.nodes.filter((other) => other.id !== node.id && counted(other) && !met.has(other.id))
      .sort((x, y) => personName(x, '').localeCompare(personName(y, '')));
    const name = personName(node, t('anonymous'));
    setText('never-met-person', t('never_met_person', { name, n: never.length, shown: Math.min(never.length, NEVER_MET_SHOWN) }));
    replaceChildren($('never-met-list'), never.slice(0, NEVER_MET_SHOWN).map((other) => el('li', {
      text: `${personName(other, t('anonymous'))} — ${organisationName(other, t('anonymous'), t('no_organisation'))}`,
    })));
  }
}
