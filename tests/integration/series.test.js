// A series of events against the real server: a series made over REST, two events in it with the same
// people (same emails, other case), the second one's first round seating nobody with someone met in the
// first, and the series review (graph, report, trend, never met) read with the series link only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, api, Peer, query } from '../support/server.js';

const isRound = (n) => (m) => m.type === 'state' && m.phase === 'round' && m.round === n && m.table;

async function get(base, url, token) {
  const headers = token === undefined ? {} : { authorization: `Bearer ${token}` };
  const response = await fetch(`${base}${url}`, { headers });
  return { status: response.status, body: await response.json().catch(() => null) };
}

// Six people with these emails join and connect; returns their ids in order.
async function gather(base, eventId, emails) {
  const people = [];
  for (const [i, email] of emails.entries()) {
    const joined = await api(base, 'POST', `/api/events/${eventId}/attendees`,
      { name: `Personne ${i}`, organisation: `Org ${i % 3}`, email, purpose: { departement: i < 3 ? '69' : '01' } });
    assert.equal(joined.status, 201);
    const peer = new Peer(base, eventId, joined.body.token);
    await peer.next((m) => m.type === 'state');
    people.push({ id: joined.body.attendee_id, email: email.trim().toLowerCase(), peer });
  }
  return people;
}

// The pairs of a round's tables, as emails "a|b".
async function pairsOf(host, round, emailOf) {
  host.send({ type: 'round_tables', round });
  const { tables } = await host.next((m) => m.type === 'round_tables' && m.round === round);
  const pairs = [];
  for (const table of tables) {
    for (let i = 0; i < table.attendees.length; i++) {
      for (let j = i + 1; j < table.attendees.length; j++) {
        pairs.push([emailOf.get(table.attendees[i]), emailOf.get(table.attendees[j])].sort().join('|'));
      }
    }
  }
  return pairs;
}

test('a series: the next event avoids pairs met in the earlier one, and is reviewed as one', async () => {
  const server = await startServer();
  try {
    const made = await api(server.base, 'POST', '/api/series', { title: '  Rencontres mensuelles ' });
    assert.equal(made.status, 201);
    const { series, series_token: token } = made.body;
    assert.equal(series.title, 'Rencontres mensuelles');
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);
    assert.ok(made.body.series_url.endsWith(`/review.html?series=${series.id}#key=${token}`));
    assert.equal((await api(server.base, 'POST', '/api/series', { title: '' })).body.code, 'invalid_field');

    const settings = (title, extra) => ({ title, rounds: 2, round_seconds: 600, break_seconds: 60, ...extra });
    // A wrong series link or an unknown series makes no event.
    const wrong = await api(server.base, 'POST', '/api/events',
      settings('Faux', { series: { id: series.id, token: 'x'.repeat(43) } }));
    assert.equal(wrong.status, 401);
    const unknown = await api(server.base, 'POST', '/api/events',
      settings('Inconnue', { series: { id: 'nothere', token } }));
    assert.equal(unknown.status, 404);

    // January: three rounds of pairs, so 9 of the 15 pairs meet.
    const pairsOnly = { table_size: 2, min_table_size: 2, max_table_size: 2 };
    const january = await api(server.base, 'POST', '/api/events',
      settings('Janvier', { ...pairsOnly, rounds: 3, series: { id: series.id, token } }));
    assert.equal(january.status, 201);
    assert.deepEqual(january.body.series, { id: series.id, title: 'Rencontres mensuelles' });
    const emails = [0, 1, 2, 3, 4, 5].map((i) => `p${i}@example.org`);
    const host1 = new Peer(server.base, january.body.event.id, january.body.host_token);
    const first = await gather(server.base, january.body.event.id, emails);
    host1.send({ type: 'start_event' });
    for (const round of [1, 2, 3]) {
      if (round > 1) host1.send({ type: 'next_round' });
      for (const p of first) await p.peer.next(isRound(round));
      host1.send({ type: 'end_round' });
    }
    await host1.next((m) => m.type === 'host_update' && m.phase === 'ended');
    const emailOf1 = new Map(first.map((p) => [p.id, p.email]));
    const met = new Set();
    for (const round of [1, 2, 3]) for (const pair of await pairsOf(host1, round, emailOf1)) met.add(pair);
    assert.equal(met.size, 9);

    // February, in pairs, the same people writing their emails differently: 2 of the 15 ways to pair six
    // people avoid everyone met in January.
    const february = await api(server.base, 'POST', '/api/events',
      settings('Février', { ...pairsOnly, rounds: 1, series: { id: series.id, token } }));
    assert.equal(february.status, 201);
    const host2 = new Peer(server.base, february.body.event.id, february.body.host_token);
    const second = await gather(server.base, february.body.event.id, emails.map((e) => ` ${e.toUpperCase()}`));
    host2.send({ type: 'start_event' });
    for (const p of second) await p.peer.next(isRound(1));
    const emailOf2 = new Map(second.map((p) => [p.id, p.email]));
    const february_pairs = await pairsOf(host2, 1, emailOf2);
    assert.equal(february_pairs.length, 3);
    for (const pair of february_pairs) assert.equal(met.has(pair), false, `${pair} had met in January`);
    host2.send({ type: 'end_round' });
    await host2.next((m) => m.type === 'host_update' && m.phase === 'ended');

    // The series, read with its own link only.
    assert.equal((await get(server.base, `/api/series/${series.id}`)).status, 401);
    assert.equal((await get(server.base, `/api/series/${series.id}`, january.body.host_token)).status, 401);
    assert.equal((await get(server.base, '/api/series/nothere/review/report', token)).status, 404);
    const listed = await get(server.base, `/api/series/${series.id}`, token);
    assert.equal(listed.status, 200);
    assert.deepEqual(listed.body.events.map((e) => [e.title, e.phase]), [['Janvier', 'ended'], ['Février', 'ended']]);

    const graph = await get(server.base, `/api/series/${series.id}/review/graph`, token);
    assert.equal(graph.status, 200);
    assert.equal(graph.body.nodes.length, 6);  // one person per email across both events
    assert.deepEqual(graph.body.nodes.map((n) => n.events), [2, 2, 2, 2, 2, 2]);
    assert.equal(graph.body.edges.length, 12);
    assert.equal(graph.body.event.rounds, 4);
    assert.deepEqual(graph.body.series.events.map((e) => [e.first_round, e.rounds]), [[1, 3], [4, 1]]);
    assert.equal(JSON.stringify(graph.body).includes('@'), false);

    const report = await get(server.base, `/api/series/${series.id}/review/report`, token);
    assert.equal(report.status, 200);
    assert.deepEqual(report.body.trend.map((p) => [p.attendees, p.returning, p.pairs, p.pairs_met_before]),
      [[6, 0, 9, 0], [6, 6, 3, 0]]);
    assert.deepEqual(report.body.never_met, { people: 6, pairs: 15, met: 12, share: 0.2 });
    assert.equal(report.body.repeats, 0);
    // p0–p2 gave 69, p3–p5 gave 01: of the 12 pairs met, those across the two.
    const departementOf = (email) => (Number(email[1]) < 3 ? '69' : '01');
    const allPairs = [...met, ...february_pairs].map((pair) => pair.split('|'));
    assert.equal(report.body.cross_departement_share,
      allPairs.filter(([a, b]) => departementOf(a) !== departementOf(b)).length / allPairs.length);

    const file = await fetch(`${server.base}/api/series/${series.id}/review/export?format=csv-nodes`,
      { headers: { authorization: `Bearer ${token}` } });
    assert.equal(file.status, 200);
    assert.equal((await file.text()).trim().split('\n').length, 7);  // header + 6 people

    // Its hosts delete both events: the series stays while one is left, and goes with the last.
    const remove = (created) => fetch(`${server.base}/api/events/${created.body.event.id}`,
      { method: 'DELETE', headers: { authorization: `Bearer ${created.body.host_token}` } });
    host1.close();
    host2.close();
    assert.equal((await remove(january)).status, 204);
    assert.deepEqual((await get(server.base, `/api/series/${series.id}`, token)).body.events.map((e) => e.title), ['Février']);
    assert.equal((await remove(february)).status, 204);
    assert.equal((await get(server.base, `/api/series/${series.id}`, token)).status, 404);
    assert.deepEqual(query(server.db, 'SELECT id FROM series UNION ALL SELECT id FROM events'), []);
  } finally {
    await server.stop();
  }
});
