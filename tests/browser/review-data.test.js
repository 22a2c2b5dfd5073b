// The review page's pure model (client-web/js/review-data.js), run in Node: colours by organisation,
// the graph's filters, one person's encounters, and the search that keyboard users choose people with.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel, edgeShown, shownEdges, encountersOf, searchPeople, personName, PALETTE, OTHER_COLOUR }
  from '../../client-web/js/review-data.js';

const node = (id, label, organisation, extra = {}) => ({ id, label, organisation, role: '', erased: false, left: false,
  met: 0, rounds_seated: 2, ...extra });
const GRAPH = {
  event: { id: 'e', title: 'T', phase: 'ended', rounds: 2, ended_at: 0 },
  nodes: [node(1, 'Camille', 'CCAS'), node(2, 'Yanis', 'France Travail'), node(3, 'Inès', 'CCAS'),
    node(4, '', '', { erased: true }), node(5, 'Éloïse', 'Mission locale')],
  edges: [
    { a: 1, b: 2, rounds: [1], tables: [1], talked: 'both', keep_in_touch: 'both' },
    { a: 1, b: 3, rounds: [1, 2], tables: [1, 3], talked: 'one', keep_in_touch: 'none' },
    { a: 2, b: 4, rounds: [2], tables: [2], talked: 'none', keep_in_touch: 'none' },
    { a: 3, b: 5, rounds: [2], tables: [3], talked: 'both', keep_in_touch: 'one' },
  ],
};

test('organisations are coloured largest first, the anonymous ones grey, and weights are rounds together', () => {
  const model = buildModel(GRAPH);
  assert.deepEqual(model.organisations.map((o) => [o.name, o.count]),
    [['CCAS', 2], ['', 1], ['France Travail', 1], ['Mission locale', 1]]);
  assert.equal(model.colour(model.byId.get(1)), PALETTE[0]);
  assert.equal(model.colour(model.byId.get(4)), OTHER_COLOUR);
  assert.notEqual(model.colour(model.byId.get(2)), model.colour(model.byId.get(5)));
  assert.deepEqual(model.edges.map((e) => e.weight), [1, 2, 1, 1]);
  assert.equal(model.rounds, 2);
  assert.equal(personName(model.byId.get(4), 'Anonyme'), 'Anonyme');
});

test('filters by round, organisation and talk keep exactly the matching encounters', () => {
  const model = buildModel(GRAPH);
  const cases = [
    [{ round: 0, organisation: null, talked: 'all' }, ['1-2', '1-3', '2-4', '3-5']],
    [{ round: 1, organisation: null, talked: 'all' }, ['1-2', '1-3']],
    [{ round: 2, organisation: null, talked: 'all' }, ['1-3', '2-4', '3-5']],
    [{ round: 0, organisation: 'Mission locale', talked: 'all' }, ['3-5']],
    [{ round: 0, organisation: '', talked: 'all' }, ['2-4']],
    [{ round: 0, organisation: null, talked: 'one' }, ['1-2', '1-3', '3-5']],
    [{ round: 0, organisation: null, talked: 'both' }, ['1-2', '3-5']],
    [{ round: 1, organisation: 'CCAS', talked: 'both' }, ['1-2']],
  ];
  for (const [filters, expected] of cases) {
    assert.deepEqual(shownEdges(model, filters).map((e) => `${e.a}-${e.b}`), expected, JSON.stringify(filters));
  }
  assert.equal(edgeShown(model, model.edges[0], { round: 2, organisation: null, talked: 'all' }), false);
});

test('a person\'s encounters are listed round by round, one row per tablemate', () => {
  const model = buildModel(GRAPH);
  assert.deepEqual(encountersOf(model, 1).map((r) => [r.round, r.table, r.other.id, r.talked, r.keep]),
    [[1, 1, 2, 'both', 'both'], [1, 1, 3, 'one', 'none'], [2, 3, 3, 'one', 'none']]);
  assert.deepEqual(encountersOf(model, 4).map((r) => [r.round, r.other.id]), [[2, 2]]);
  assert.deepEqual(encountersOf(model, 99), []);
});

test('the search ignores case and accents, matches organisations, and never matches an erased name', () => {
  const model = buildModel(GRAPH);
  const ids = (query, limit) => searchPeople(model, query, 'Anonyme', limit).found.map((n) => n.id);
  assert.deepEqual(ids('eloise'), [5]);
  assert.deepEqual(ids('ccas'), [1, 3]);
  assert.deepEqual(ids('INES'), [3]);
  assert.deepEqual(ids(''), [1, 2, 3, 4, 5]);
  assert.deepEqual(ids('anonyme'), [4]);
  assert.deepEqual(searchPeople(model, '', 'Anonyme', 2), { found: [model.byId.get(1), model.byId.get(2)], total: 5 });
});
