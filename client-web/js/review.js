// review.html: the staff review of one event, opened with a host link's or a staff link's token
// (#key=…), or of a whole series with the series link's (?series=ID#key=…). The token goes in the
// Authorization header of each request, never in a URL.
import { initI18n, onLangChange, t, errorText, lang } from './i18n.js';
import { $, el, replaceChildren, setText, announce } from './dom.js';
import { eventId, seriesId, ReviewError, get, early } from './review-start.js';
import { buildModel, shownEdges, OTHER_COLOUR } from './review-data.js';
import { ReviewGraph } from './review-graph.js';
import { renderReport } from './review-report.js';
import { ReviewTables } from './review-table.js';
import { PersonPanel } from './review-person.js';
import { wireExports } from './review-exports.js';
import { SeriesPanel, roundText } from './review-series.js';

// The sentence for a failed request: the statuses this page expects get their own.
function problemText(error) {
  if (seriesId && [401, 404].includes(error.status)) return t(`series_${error.status}`);
  if ([401, 403, 404, 503].includes(error.status)) return t(`review_${error.status}`);
  return errorText(error.body && error.body.code ? error.body : { code: error.status === 0 ? 'network' : 'internal' });
}

let problem = null;
function showProblem(error) {
  problem = error;
  setText('review-problem', typeof error === 'string' ? t(error) : problemText(error));
  $('review-problem').hidden = false;
}

function fillSelect(select, options) {
  const kept = select.value;
  replaceChildren(select, options.map(([value, label]) => el('option', { value }, label)));
  if (options.some(([value]) => value === kept)) select.value = kept;
}

function readFilters() {
  const org = $('filter-organisation').value;
  return {
    round: Number($('filter-round').value) || 0,
    organisation: org === '*' ? null : org.replace(/^=/, ''),
    talked: $('filter-talked').value,
  };
}

function drawStatic(model) {
  const { event } = model;
  setText('event-title', event.title || '');
  const events = model.series ? model.series.events.length : 0;
  const facts = [model.series ? t('series_facts', { events, rounds: event.rounds ?? model.rounds })
    : t('review_phase', { phase: t(`phase_${event.phase}`), rounds: event.rounds ?? model.rounds })];
  if (event.ended_at) {
    const date = new Intl.DateTimeFormat(lang() === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'full', timeStyle: 'short' })
      .format(new Date(event.ended_at));
    facts.push(t('review_ended_at', { date }));
  }
  setText('event-facts', facts.join(' '));
  fillSelect($('filter-round'), [['0', t('filter_round_all')],
    ...Array.from({ length: model.rounds }, (_, i) => [String(i + 1),
      roundText(model, i + 1, (round) => t('filter_round_n', { round }))])]);
  // Values carry a prefix so that an organisation named "*" cannot be mistaken for "all".
  fillSelect($('filter-organisation'), [['*', t('filter_organisation_all')], ...model.organisations
    .map((org) => [`=${org.name}`, `${org.name || t('no_organisation')} (${org.count})`])]);
  const named = model.organisations.filter((org) => org.colour !== OTHER_COLOUR);
  const others = model.organisations.filter((org) => org.colour === OTHER_COLOUR);
  const item = (colour, label) => {
    const swatch = el('span', { class: 'swatch', attrs: { 'aria-hidden': 'true' } });
    swatch.style.background = colour;
    return el('li', {}, swatch, el('span', { text: label }));
  };
  replaceChildren($('legend-orgs'),
    named.map((org) => item(org.colour, `${org.name} — ${t('legend_count', { n: org.count })}`)),
    others.length ? item(OTHER_COLOUR, t('legend_other', { n: others.length })) : null);
}

// The note under the graph, kept as a key so that a language switch says it again.
let noteKey = null;
function graphNote(key) {
  noteKey = key;
  setText('graph-note', key ? t(key) : '');
}

function graphUnavailable() {
  $('graph').hidden = true;
  document.querySelector('.graph-zoom').hidden = true;
  graphNote('graph_unavailable');
}

async function start() {
  if (seriesId) {
    $('review-heading').dataset.i18n = 'series_heading';
    document.body.dataset.titleKey = 'series_doc_title';
  }
  initI18n();
  onLangChange(() => { if (problem) showProblem(problem); });
  if (!early) {
    showProblem('review_token_missing');
    return;
  }
  setText('live', t('review_loading'));
  const { worker } = early;
  let graphJson;
  let reportJson;
  try {
    [graphJson, reportJson] = await Promise.all([early.graph, early.report]);
  } catch (error) {
    if (worker) worker.terminate();
    setText('live', '');
    showProblem(error instanceof ReviewError ? error : new ReviewError(0, { code: 'internal' }));
    return;
  }
  performance.mark('review-data-loaded');
  const model = buildModel(graphJson);
  let graph = null;
  const series = seriesId ? new SeriesPanel(model, reportJson) : null;
  const person = new PersonPanel(model, {
    onChoose: (id) => {
      if (graph) graph.select(id);
      if (series) series.showNeverMet(id);
    },
  });
  const tables = new ReviewTables(model, { onShowPerson: (id) => person.choose(id, 'list') });
  const relabelExports = wireExports(seriesId || eventId,
    (format, pseudonymise) => get(`export?format=${encodeURIComponent(format)}${pseudonymise ? '&pseudonymise=1' : ''}`),
    (error) => announce(problemText(error)));

  const summarise = (filters) => {
    const edges = shownEdges(model, filters).length;
    setText('filter-summary', t('filter_shown', { edges, total: model.edges.length }));
    $('graph').setAttribute('aria-label', t('graph_label', { nodes: model.nodes.length, edges }));
  };
  const redraw = () => {
    setText('live', ''); // what it said was in the other language
    drawStatic(model);
    renderReport($('report'), reportJson);
    if (series) series.draw();
    summarise(readFilters());
    tables.draw(true);
    person.drawMatches();
    person.draw();
    relabelExports();
    graphNote(noteKey);
    if (graph) graph.relabel();
  };
  for (const id of ['filter-round', 'filter-organisation', 'filter-talked']) {
    $(id).addEventListener('change', () => {
      const filters = readFilters();
      summarise(filters);
      tables.setFilters(filters);
      if (graph) graph.setFilters(filters);
    });
  }
  // The layout starts first: in a worker while this thread draws the report and the tables, or on this
  // thread, in slices, before them (graphFirst below).
  let laidOut = null;
  try {
    graph = new ReviewGraph($('graph'), model, {
      texts: () => ({ anonymous: t('anonymous') }),
      onSelect: (id) => person.choose(id, 'graph'),
      worker,
    });
    window.ensembleReview = { graph }; // read by the browser test and bench/review-draw.js
    laidOut = graph.layout();
  } catch {
    if (worker) worker.terminate();
    graph = null;
  }
  const showPage = () => {
    redraw();
    onLangChange(redraw);
    $('review').hidden = false;
    announce(t('review_loaded', { nodes: model.nodes.length, edges: model.edges.length }));
  };
  // A graph laid out on this thread is drawn first, at the top of the page, and the report and the
  // tables follow; a worker's layout runs while they are drawn.
  const graphFirst = graph !== null && !graph.inWorker;
  if (!graphFirst) showPage();
  if (!graph) {
    graphUnavailable();
    return;
  }
  graphNote('graph_layout');
  try {
    $('review').hidden = false;
    await laidOut;
    await graph.draw();
    graphNote(null);
    for (const how of ['in', 'out', 'reset']) $(`zoom-${how}`).addEventListener('click', () => graph.zoom(how));
  } catch {
    // No 2D canvas (getContext refused): the tables still say everything.
    graph = null;
    graphUnavailable();
  }
  if (graphFirst) showPage();
}

start();
