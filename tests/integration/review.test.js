// Staff review against the real server: an event played over WebSocket to its end, then the review
// endpoints with every kind of token, a read-only staff link made and revoked from the console, and
// figures that match the tables the event really had.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, api, Peer, query } from '../support/server.js';

const isRound = (n) => (m) => m.type === 'state' && m.phase === 'round' && m.round === n && m.table;

async function review(base, eventId, what, token) {
  const headers = token === undefined ? {} : { authorization: `Bearer ${token}` };
  const response = await fetch(`${base}/api/events/${eventId}/review/${what}`, { headers });
  return { status: response.status, body: await response.json().catch(() => null) };
}

test('an event played to the end, reviewed with host and staff links; others refused', async () => {
  const server = await startServer();
  try {
    const created = await api(server.base, 'POST', '/api/events', {
      title: 'Revue', host_name: 'Camille', table_size: 2, min_table_size: 2, max_table_size: 3,
      rounds: 2, round_seconds: 600, break_seconds: 60,
    });
    assert.equal(created.status, 201);
    const eventId = created.body.event.id;
    const hostToken = created.body.host_token;
    const host = new Peer(server.base, eventId, hostToken);
    assert.deepEqual((await host.next((m) => m.type === 'host_state')).staff_links, []);

    // A staff link: its token to the asker only, listed apart from host links, logged.
    host.send({ type: 'create_staff_link', name: 'Évaluation', ref: 's1' });
    const made = await host.next((m) => m.type === 'staff_link_created');
    assert.equal(made.ref, 's1');
    assert.equal(made.name, 'Évaluation');
    assert.match(made.token, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(made.url, `/review.html?event=${eventId}#key=${made.token}`);
    const listed = await host.next((m) => m.type === 'host_update' && m.staff_links);
    assert.deepEqual(listed.staff_links, [{ id: made.link_id, name: 'Évaluation' }]);
    assert.deepEqual(listed.host_links.map((l) => l.id), [1]);
    assert.equal(listed.log[0].action, 'staff_link_created');
    assert.equal(listed.log[0].link_name, 'Évaluation');
    assert.equal(query(server.db, `select role from host_links where event_id='${eventId}' and id=${made.link_id}`)[0].role, 'staff');

    // A staff token opens no console, and does nothing.
    assert.equal((await new Peer(server.base, eventId, made.token).closed).code, 4003);

    const people = [['Ana', 'CCAS'], ['Bilal', 'Mission locale'], ['Chloé', ' ccas '], ['Dina', 'France Travail']];
    const attendees = [];
    for (const [name, organisation] of people) {
      const joined = await api(server.base, 'POST', `/api/events/${eventId}/attendees`, { name, organisation });
      assert.equal(joined.status, 201);
      const peer = new Peer(server.base, eventId, joined.body.token);
      await peer.next((m) => m.type === 'state');
      attendees.push({ id: joined.body.attendee_id, token: joined.body.token, organisation: organisation.trim().toLowerCase(), peer });
    }

    // Two rounds to the end.
    host.send({ type: 'start_event' });
    for (const a of attendees) await a.peer.next(isRound(1));
    host.send({ type: 'end_round' });
    host.send({ type: 'next_round' });
    for (const a of attendees) await a.peer.next(isRound(2));
    host.send({ type: 'end_round' });
    await host.next((m) => m.type === 'host_update' && m.phase === 'ended');

    // The pairs the event really had, from the rounds' tables.
    const pairs = new Map();  // "a-b" -> rounds
    for (const round of [1, 2]) {
      host.send({ type: 'round_tables', round });
      const { tables } = await host.next((m) => m.type === 'round_tables' && m.round === round);
      for (const table of tables) {
        const ids = [...table.attendees].sort((x, y) => x - y);
        for (let i = 0; i < ids.length; i++) {
          for (let j = i + 1; j < ids.length; j++) {
            const key = `${ids[i]}-${ids[j]}`;
            pairs.set(key, [...(pairs.get(key) || []), round]);
          }
        }
      }
    }
    const orgOf = new Map(attendees.map((a) => [a.id, a.organisation]));
    const across = [...pairs.keys()].filter((k) => { const [a, b] = k.split('-').map(Number); return orgOf.get(a) !== orgOf.get(b); }).length;
    const met = new Map(attendees.map((a) => [a.id, 0]));
    for (const key of pairs.keys()) for (const id of key.split('-').map(Number)) met.set(id, met.get(id) + 1);

    // The host's link and the staff link read the review.
    const report = await review(server.base, eventId, 'report', hostToken);
    assert.equal(report.status, 200);
    const r = report.body;
    assert.equal(r.event.id, eventId);
    assert.equal(r.event.title, 'Revue');
    assert.equal(r.event.phase, 'ended');
    assert.equal(r.event.rounds, 2);
    assert.deepEqual(r.attendees_per_round, [{ round: 1, seated: 4 }, { round: 2, seated: 4 }]);
    assert.equal(r.talked.pairs, pairs.size);
    assert.equal(r.repeats, [...pairs.values()].filter((rounds) => rounds.length > 1).length);
    assert.equal(r.cross_organisation_share, across / pairs.size);
    assert.equal(r.ei_index, (across - (pairs.size - across)) / pairs.size);
    assert.equal(r.new_people_met.minimum, Math.min(...met.values()));
    const parent = new Map(attendees.map((a) => [a.id, a.id]));
    const root = (x) => (parent.get(x) === x ? x : root(parent.get(x)));
    for (const key of pairs.keys()) { const [a, b] = key.split('-').map(Number); parent.set(root(a), root(b)); }
    const sizes = new Map();
    for (const a of attendees) sizes.set(root(a.id), (sizes.get(root(a.id)) || 0) + 1);
    assert.deepEqual(r.components, { count: sizes.size, largest: Math.max(...sizes.values()) });
    assert.equal(r.talked.answered_pairs, 0);
    assert.equal(r.talked.at_least_one, null);
    assert.equal(r.usefulness.mean, null);
    assert.deepEqual(r.isolated, []);

    const graph = await review(server.base, eventId, 'graph', made.token);
    assert.equal(graph.status, 200);
    assert.equal(graph.body.event.phase, 'ended');
    assert.equal(typeof graph.body.event.ended_at, 'number');
    assert.deepEqual(graph.body.nodes.map((n) => n.label), ['Ana', 'Bilal', 'Chloé', 'Dina']);
    assert.deepEqual(graph.body.nodes.map((n) => n.met), attendees.map((a) => met.get(a.id)));
    assert.deepEqual(graph.body.edges.map((e) => [`${e.a}-${e.b}`, e.rounds]), [...pairs.entries()].sort(
      ([x], [y]) => { const [xa, xb] = x.split('-').map(Number); const [ya, yb] = y.split('-').map(Number); return xa - ya || xb - yb; }));
    for (const edge of graph.body.edges) assert.equal(edge.talked, 'none');
    assert.equal(JSON.stringify(graph.body).includes('@'), false);

    // The export: a file to download, for staff too, never with a contact in it.
    const exported = await fetch(`${server.base}/api/events/${eventId}/review/export?format=gexf`,
      { headers: { authorization: `Bearer ${made.token}` } });
    assert.equal(exported.status, 200);
    assert.equal(exported.headers.get('content-disposition'), `attachment; filename="ensemble-${eventId}.gexf"`);
    const gexf = await exported.text();
    for (const [name] of people) assert.ok(gexf.includes(`label="${name}"`), name);
    assert.equal(gexf.includes('@'), false);
    const exportedJson = await fetch(`${server.base}/api/events/${eventId}/review/export?format=json`,
      { headers: { authorization: `Bearer ${hostToken}` } });
    assert.deepEqual((await exportedJson.json()).edges, graph.body.edges);
    const refusedExport = await fetch(`${server.base}/api/events/${eventId}/review/export?format=gexf`,
      { headers: { authorization: `Bearer ${attendees[0].token}` } });
    assert.equal(refusedExport.status, 403);

    // Everyone else is refused.
    assert.equal((await review(server.base, eventId, 'report', attendees[0].token)).status, 403);
    assert.equal((await review(server.base, eventId, 'graph', attendees[0].token)).body.code, 'forbidden');
    assert.equal((await review(server.base, eventId, 'report', 'x'.repeat(43))).status, 401);
    const missing = await review(server.base, eventId, 'report');
    assert.equal(missing.status, 401);
    assert.equal(missing.body.code, 'unauthorized');
    assert.equal((await review(server.base, 'nosuchevnt', 'report', hostToken)).status, 404);
    const post = await fetch(`${server.base}/api/events/${eventId}/review/report`, { method: 'POST', headers: { authorization: `Bearer ${hostToken}` } });
    assert.equal(post.status, 405);

    // An answer written behind the server's back is not seen: the ended event's review is kept...
    const [first, second] = [...pairs.keys()][0].split('-').map(Number);
    query(server.db, `insert into talked_answers values ('${eventId}', ${pairs.get(`${first}-${second}`)[0]}, ${first}, ${second}, 1, 0)`);
    assert.equal((await review(server.base, eventId, 'report', hostToken)).body.talked.answered_pairs, 0);

    // ...until the event changes: revoking the staff link is saved, and the next review is computed anew.
    host.send({ type: 'revoke_staff_link', link_id: made.link_id });
    const revoked = await host.next((m) => m.type === 'host_update' && (m.log || []).some((e) => e.action === 'staff_link_revoked'));
    assert.deepEqual(revoked.staff_links, []);
    assert.equal((await review(server.base, eventId, 'graph', made.token)).status, 401);
    const fresh = (await review(server.base, eventId, 'report', hostToken)).body;
    assert.equal(fresh.talked.answered_pairs, 1);
    assert.equal(fresh.talked.at_least_one, 1);
    assert.equal(fresh.talked.both, 0);
    const freshGraph = (await review(server.base, eventId, 'graph', hostToken)).body;
    assert.equal(freshGraph.edges.find((e) => e.a === first && e.b === second).talked, 'one');

    host.close();
    for (const a of attendees) a.peer.ws.close();
  } finally {
    await server.stop();
  }
});
