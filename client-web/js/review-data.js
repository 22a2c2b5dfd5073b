// The review graph's JSON (shared/protocol.md, Staff review) turned into what the page draws: people by
// id, organisations with their colours, each person's encounters, and the filters. No DOM here.
import { fold } from './fold.js';

// Colour-blind-safe first (Okabe–Ito), then distinct darker hues; all readable as dots on white. The
// largest organisations get one each, the rest share OTHER_COLOUR: the legend and the table say which.
export const PALETTE = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#d55e00', '#56b4e9', '#8c6d00',
  '#6a3d9a', '#b15928', '#1b7837', '#c51b7d', '#01665e'];
export const OTHER_COLOUR = '#8a8f98';

// One person's name as shown: erased people keep an anonymous node so that counts stay true.
export function personName(node, anonymous) {
  return node.erased || !node.label ? anonymous : node.label;
}

export function organisationName(node, anonymous, none) {
  if (node.erased) return anonymous;
  return node.organisation || none;
}

// graph: {event, nodes, edges} as served. Returns the model the page's parts share.
export function buildModel(graph) {
  const nodes = graph.nodes || [];
  const edges = (graph.edges || []).map((edge, index) => ({ ...edge, index, weight: (edge.rounds || []).length || 1 }));
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const incident = new Map(nodes.map((node) => [node.id, []]));
  for (const edge of edges) {
    if (incident.has(edge.a)) incident.get(edge.a).push(edge);
    if (incident.has(edge.b)) incident.get(edge.b).push(edge);
  }
  const counts = new Map();
  for (const node of nodes) {
    const key = node.erased ? '' : node.organisation || '';
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  // Largest first, then by name, so that colours do not depend on the order of the JSON.
  const organisations = [...counts].map(([name, count]) => ({ name, count }))
    .sort((x, y) => y.count - x.count || x.name.localeCompare(y.name));
  organisations.forEach((org, i) => { org.colour = org.name && i < PALETTE.length ? PALETTE[i] : OTHER_COLOUR; });
  const colourOf = new Map(organisations.map((org) => [org.name, org.colour]));
  const rounds = Math.max(graph.event ? graph.event.rounds || 0 : 0,
    ...edges.flatMap((edge) => edge.rounds || []), 0);
  return {
    event: graph.event || {}, series: graph.series || null, nodes, edges, byId, incident, organisations, rounds,
    colour: (node) => colourOf.get(node.erased ? '' : node.organisation || '') || OTHER_COLOUR,
    organisationKey: (node) => (node.erased ? '' : node.organisation || ''),
  };
}

// Where round n of the graph was: in a series, rounds run on from one event to the next, so round 4 may
// be the first round of the second event ({event, round: 1}); in an event, {event: null, round: n}.
export function roundOf(model, n) {
  for (const event of (model.series && model.series.events) || []) {
    if (n >= event.first_round && n < event.first_round + event.rounds) return { event, round: n - event.first_round + 1 };
  }
  return { event: null, round: n };
}

// filters: {round: 0 (all) or n, organisation: null (all) or name, talked: 'all'|'one'|'both'}.
export function edgeShown(model, edge, filters) {
  if (filters.round && !(edge.rounds || []).includes(filters.round)) return false;
  if (filters.talked === 'both' && edge.talked !== 'both') return false;
  if (filters.talked === 'one' && edge.talked === 'none') return false;
  if (filters.organisation !== null) {
    const a = model.byId.get(edge.a);
    const b = model.byId.get(edge.b);
    if (!(a && model.organisationKey(a) === filters.organisation)
      && !(b && model.organisationKey(b) === filters.organisation)) return false;
  }
  return true;
}

export function nodeShown(model, node, filters) {
  return filters.organisation === null || model.organisationKey(node) === filters.organisation;
}

export function shownEdges(model, filters) {
  return model.edges.filter((edge) => edgeShown(model, edge, filters));
}

// A person's encounters, one row per round they shared a table with someone, in round order.
export function encountersOf(model, id) {
  const rows = [];
  for (const edge of model.incident.get(id) || []) {
    const other = model.byId.get(edge.a === id ? edge.b : edge.a);
    (edge.rounds || []).forEach((round, i) => {
      rows.push({ round, table: (edge.tables || [])[i], other, talked: edge.talked, keep: edge.keep_in_touch });
    });
  }
  return rows.sort((x, y) => x.round - y.round || (x.table || 0) - (y.table || 0) || x.other.id - y.other.id);
}

// People whose name or organisation contains `query` (case and accents ignored), at most `limit`.
export function searchPeople(model, query, anonymous, limit = 50) {
  const wanted = fold(query.trim());
  const found = [];
  let total = 0;
  for (const node of model.nodes) {
    const text = fold(`${personName(node, anonymous)} ${node.erased ? '' : node.organisation || ''}`);
    if (wanted && !text.includes(wanted)) continue;
    total += 1;
    if (found.length < limit) found.push(node);
  }
  return { found, total };
}
