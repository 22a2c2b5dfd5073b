// `ensemble export` on a real database file: an event run by the server, answers added in SQL, then every
// format checked (GEXF and GraphML against their published schemas, offline), and no contact leaks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync, readFileSync, existsSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, api, Peer, query, binary } from '../support/server.js';

const schemas = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../schemas');

function exportRun(args) {
  return spawnSync(binary, ['export', ...args], { encoding: 'utf8' });
}

// xmllint's verdict, never over the network: the catalog maps the GraphML schema's imports to tests/schemas.
function validate(file, schema) {
  return spawnSync('xmllint', ['--nonet', '--noout', '--schema', path.join(schemas, schema), file],
    { encoding: 'utf8', env: { ...process.env, XML_CATALOG_FILES: path.join(schemas, 'catalog.xml') } });
}

const people = [
  { name: 'Zoé "Zo" Müller', organisation: 'Acme, Inc.', role: 'Chargée de mission' },
  { name: 'Ana <b>&</b> Lima', organisation: 'Régie <Nord>', role: 'Présidente' },
  { name: 'Jean-Édouard Ndiaye', organisation: 'Acme, Inc.', role: 'Bénévole' },
  { name: 'Ioana Popescu', organisation: 'Mairie de Vénissieux', role: 'Élue' },
];
const contacts = ['zoe.muller@example.org', '+33 6 12 34 56 78'];

async function runEvent(server) {
  const created = await api(server.base, 'POST', '/api/events', {
    title: 'Rencontres <Lyon> & Villeurbanne', table_size: 2, min_table_size: 2, max_table_size: 3,
    rounds: 2, round_seconds: 600, break_seconds: 60, prompts: ['Quel dossier vous bloque ?'],
  });
  assert.equal(created.status, 201);
  const eventId = created.body.event.id;
  const host = new Peer(server.base, eventId, created.body.host_token);
  await host.next((m) => m.type === 'host_state');
  const peers = [];
  for (const person of people) {
    const joined = await api(server.base, 'POST', `/api/events/${eventId}/attendees`, person);
    assert.equal(joined.status, 201);
    peers.push(new Peer(server.base, eventId, joined.body.token));
  }
  for (const peer of peers) await peer.next((m) => m.type === 'state' && m.phase === 'lobby');
  for (let round = 1; round <= 2; round++) {
    host.send({ type: round === 1 ? 'start_event' : 'next_round' });
    for (const peer of peers) await peer.next((m) => m.type === 'state' && m.round === round && m.phase === 'round');
  }
  await Promise.all([host, ...peers].map((peer) => peer.close()));
  return eventId;
}

test('ensemble export writes valid GEXF, GraphML and CSV from a real event, pseudonymised on demand', async () => {
  const server = await startServer();
  const { db, dir } = server;
  try {
    const eventId = await runEvent(server);
    // While the server runs, the file can be read (WAL): staff need not stop an event to export it.
    const live = exportRun(['--db', db, '--event', eventId, '--format', 'csv-nodes']);
    assert.equal(live.status, 0, live.stderr);
    assert.match(live.stdout, /Ioana Popescu/);
    await server.kill();  // records are committed before anyone is told: the file holds both rounds

    // Answers as the end-of-round card records them, and contacts that must never leave the file.
    const encounters = query(db, `SELECT round, a, b FROM encounters WHERE event_id = '${eventId}' ORDER BY round, a, b`);
    assert.ok(encounters.length >= 2);
    const [first] = encounters;
    query(db, `UPDATE attendees SET email = '${contacts[0]}', phone = '${contacts[1]}' WHERE event_id = '${eventId}';
      INSERT INTO talked_answers VALUES ('${eventId}', ${first.round}, ${first.a}, ${first.b}, 1, 0),
                                        ('${eventId}', ${first.round}, ${first.b}, ${first.a}, 1, 0);
      INSERT INTO contact_wishes VALUES ('${eventId}', ${first.a}, ${first.b}, 0), ('${eventId}', ${first.b}, ${first.a}, 0);`);
    const pairs = new Set(encounters.map((e) => `${e.a}-${e.b}`));

    const outputs = {};
    for (const format of ['gexf', 'graphml', 'csv-nodes', 'csv-edges']) {
      for (const pseudonymise of [false, true]) {
        const run = exportRun(['--db', db, '--event', eventId, '--format', format, ...(pseudonymise ? ['--pseudonymise'] : [])]);
        assert.equal(run.status, 0, run.stderr);
        outputs[format + (pseudonymise ? '+p' : '')] = run.stdout;
      }
    }
    for (const [name, schema] of [['gexf', 'gexf-1.3/gexf.xsd'], ['graphml', 'graphml/graphml.xsd']]) {
      for (const variant of [name, name + '+p']) {
        const file = path.join(dir, `export-${variant}.xml`);
        writeFileSync(file, outputs[variant]);
        const checked = validate(file, schema);
        assert.equal(checked.status, 0, `${variant}: ${checked.stderr}`);
      }
      // The same check refuses a broken file, so it can fail.
      const broken = path.join(dir, `broken-${name}.xml`);
      writeFileSync(broken, outputs[name].replace('<node ', '<nod '));
      assert.notEqual(validate(broken, schema).status, 0);
    }

    assert.match(outputs.gexf, /label="Ana &lt;b>&amp;&lt;\/b> Lima"/);
    const nodes = outputs['csv-nodes'].trim().split('\r\n');
    assert.equal(nodes.length, 1 + people.length);
    const zoe = nodes.find((line) => line.includes('Müller'));
    assert.match(zoe, /^\d+,"Zoé ""Zo"" Müller","Acme, Inc.",Chargée de mission,false,false,\d+,2,0,0$/);
    const edges = outputs['csv-edges'].trim().split('\r\n').slice(1);
    assert.deepEqual(new Set(edges.map((line) => line.split(',').slice(0, 2).join('-'))), pairs);
    const firstEdge = edges.find((line) => line.startsWith(`${first.a},${first.b},Undirected,`));
    assert.match(firstEdge, /,both,both$/);

    for (const [variant, text] of Object.entries(outputs)) {
      for (const contact of contacts) assert.ok(!text.includes(contact), `${variant} leaks ${contact}`);
      if (!variant.endsWith('+p')) continue;
      for (const person of people)
        for (const value of [person.name.split(' ')[0], person.organisation.split(' ')[0], person.role])
          assert.ok(!text.includes(value), `${variant} still holds ${value}`);
      assert.ok(!text.includes('Lyon'), `${variant} still holds the title`);
    }
    assert.match(outputs['csv-nodes+p'], /Personne 1/);

    // --format csv writes both files next to a prefix.
    const prefix = path.join(dir, 'meetings');
    const csv = exportRun(['--db', db, '--event', eventId, '--format', 'csv', '--out', prefix]);
    assert.equal(csv.status, 0, csv.stderr);
    assert.equal(readFileSync(`${prefix}-nodes.csv`, 'utf8'), outputs['csv-nodes']);
    assert.equal(readFileSync(`${prefix}-edges.csv`, 'utf8'), outputs['csv-edges']);

    // Errors are said, with a non-zero exit, and a missing file is not created by looking.
    const missingEvent = exportRun(['--db', db, '--event', 'nosuchevent', '--format', 'gexf']);
    assert.equal(missingEvent.status, 1);
    assert.match(missingEvent.stderr, /no event nosuchevent/);
    const missingFile = path.join(dir, 'missing.db');
    const noFile = exportRun(['--db', missingFile, '--event', eventId, '--format', 'gexf']);
    assert.equal(noFile.status, 1);
    assert.match(noFile.stderr, /no database file/);
    assert.ok(!existsSync(missingFile));
    // A file written by a newer ensemble is refused, not migrated.
    const newer = path.join(dir, 'newer.db');
    copyFileSync(db, newer);
    query(newer, 'INSERT INTO schema_version VALUES (999)');
    const refused = exportRun(['--db', newer, '--event', eventId, '--format', 'gexf']);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /newer than this server/);
    assert.equal(query(newer, 'SELECT MAX(version) AS v FROM schema_version')[0].v, 999);
    const badFormat = exportRun(['--db', db, '--event', eventId, '--format', 'pdf']);
    assert.equal(badFormat.status, 2);
  } finally {
    await server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});
