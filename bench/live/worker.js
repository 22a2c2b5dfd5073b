// One load-generating process: joins its share of attendees, keeps their WebSockets and records, with its own
// Date.now(), when each saw what the coordinator asks about. Commands arrive by IPC from run.js.
import http from 'node:http';
import WebSocket from 'ws';
import { backoffDelay } from '../../client-web/js/protocol.js';

const attendees = [];  // { id, token, ws, seats: Map(round → { at, table, people }), chat: [latency ms] }
let config;            // { base, eventId, first, count, concurrency, timeoutMs }
let agent;
let waiting = null;    // the current wait: { test, pending, resolve }
let errors = 0;        // error messages received, the first few shown

// A frame may hold several messages, one per line (protocol.md).
function onFrame(a, ws, data) {
  const at = Date.now();
  if (ws !== a.ws) return;  // a socket replaced by a reconnection
  const text = data.toString();
  if (!text.includes('\n')) return onMessage(a, text, at);
  for (const line of text.split('\n')) if (line) onMessage(a, line, at);
}

// A message is only parsed when its type needs it: the load generator must not starve the server.
function onMessage(a, text, at) {
  if (text.includes('"type":"state"')) {
    const m = JSON.parse(text);
    a.states++;
    if (m.phase === 'round' && m.table && !a.seats.has(m.round)) {
      const people = (m.table.people ?? m.table.mates).map((p) => p.id);
      if (!m.table.people) people.push(a.id);  // the old server's `mates` leaves out oneself
      a.seats.set(m.round, { at, table: m.table.number, people });
    }
    if (a.stormTable !== undefined && a.back === undefined) {  // the first state after the cut
      a.back = at;
      a.backTable = m.phase === 'round' && m.round === a.stormRound ? m.table?.number : null;
    }
  } else if (text.includes('"type":"chat"')) {
    const m = JSON.parse(text);
    if (m.from !== a.id && m.text.startsWith('bench ')) a.chat.push(at - Number(m.text.slice(6)));
  } else if (text.includes('"type":"error"')) {
    if (errors++ < 5) process.stderr.write(`attendee ${a.id} got ${text}\n`);
  } else return;
  if (waiting && !a.done && waiting.test(a)) {
    a.done = true;
    if (--waiting.pending === 0) waiting.resolve();
  }
}

// Resolves once every attendee passes `test` (checked again on each message it gets), or after the timeout.
function waitAll(test) {
  return new Promise((resolve) => {
    const timer = setTimeout(finish, config.timeoutMs);
    function finish() { clearTimeout(timer); waiting = null; resolve(); }
    waiting = { test, pending: 0, resolve: finish };
    for (const a of attendees) {
      a.done = test(a);
      if (!a.done) waiting.pending++;
    }
    if (waiting.pending === 0) finish();
  });
}

// Opens the attendee's socket; resolves true at its first `state`, false if refused or closed before.
function connect(a) {
  const ws = new WebSocket(`${config.base.replace('http', 'ws')}/ws?event=${config.eventId}`, { skipUTF8Validation: true });
  ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', token: a.token, protocol: 1 })));
  a.ws = ws;
  a.states = 0;
  a.failure = undefined;
  return new Promise((resolve) => {
    const timer = setTimeout(() => { a.failure = 'timeout'; ws.terminate(); resolve(false); }, config.timeoutMs);
    const settle = (ok) => { clearTimeout(timer); resolve(ok); };
    ws.on('message', (data) => {
      onFrame(a, ws, data);
      if (a.states > 0) settle(true);
    });
    ws.on('error', (error) => { a.failure = error.message; settle(false); });
    ws.on('close', (code) => { if (a.states === 0) a.failure ??= `closed ${code}`; settle(false); });
  });
}

function post(path, body) {
  const json = JSON.stringify(body);
  return new Promise((resolve) => {
    const req = http.request(config.base + path, {
      method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { text += chunk; });
      res.on('end', () => resolve({ status: res.statusCode, text }));
    });
    req.on('error', (error) => resolve({ status: 0, text: error.message }));
    req.end(json);
  });
}

// Join over REST then connect, `concurrency` attendees in flight, so the server sets the pace.
async function join() {
  agent = new http.Agent({ keepAlive: true, maxSockets: config.concurrency });
  let next = 0;
  let failed = 0;
  const fail = (i, why) => { if (failed++ < 3) process.stderr.write(`join ${i}: ${why}\n`); };
  const lane = async () => {
    while (next < config.count) {
      const i = config.first + next++;
      const res = await post(`/api/events/${config.eventId}/attendees`,
        { name: `Bench ${i}`, organisation: `Organisation ${i % 97}`, role: '' });
      if (res.status !== 201) { fail(i, `${res.status} ${res.text}`); continue; }
      const { attendee_id: id, token } = JSON.parse(res.text);
      const a = { id, token, seats: new Map(), chat: [] };
      if (await connect(a)) attendees.push(a);
      else fail(i, `WebSocket ${a.failure}`);
    }
  };
  await Promise.all(Array.from({ length: config.concurrency }, lane));
  agent.destroy();
  return { connected: attendees.length, failed };
}

// Each attendee's first seat of the round: [id, received at, table, people at the table].
async function round({ round: n }) {
  await waitAll((a) => a.seats.has(n));
  const seats = [];
  for (const a of attendees) {
    const s = a.seats.get(n);
    if (s) seats.push([a.id, s.at, s.table, s.people]);
  }
  return { seats, missing: attendees.length - seats.length };
}

// Everyone sends one message at once; the text carries its send time so any process can time its arrival.
async function chat({ round: n }) {
  const expected = (a) => (a.seats.get(n)?.people.length ?? 1) - 1;
  for (const a of attendees) a.ws.send(JSON.stringify({ type: 'chat', text: `bench ${Date.now()}` }));
  await waitAll((a) => a.chat.length >= expected(a));
  const latencies = attendees.flatMap((a) => a.chat);
  const missing = attendees.reduce((sum, a) => sum + Math.max(0, expected(a) - a.chat.length), 0);
  return { latencies, missing };
}

// A network cut: every socket dropped without a close handshake, then reconnected with the same token after
// the web client's own back-off (jittered, doubling), as 10,000 browsers would.
async function storm({ round: n }) {
  for (const a of attendees) {
    a.stormRound = n;
    a.stormTable = a.seats.get(n)?.table ?? null;
    a.back = undefined;
    a.ws.terminate();
  }
  const reconnect = async (a) => {
    for (let attempt = 0; a.back === undefined; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, backoffDelay(attempt)));
      if (a.back !== undefined || await connect(a)) break;
    }
  };
  const done = waitAll((a) => a.back !== undefined);
  attendees.forEach(reconnect);
  await done;
  let back = 0, otherTable = 0, lastBack = 0;
  for (const a of attendees) {
    if (a.back === undefined) continue;
    if (a.backTable != null && a.backTable === a.stormTable) back++;
    else otherTable++;
    lastBack = Math.max(lastBack, a.back);
  }
  const failures = new Map();
  for (const a of attendees) {
    if (a.back !== undefined) continue;
    a.back = null;  // stop retrying
    failures.set(a.failure, (failures.get(a.failure) ?? 0) + 1);
  }
  if (failures.size) process.stderr.write(`storm: not back, last failure: ${JSON.stringify([...failures])}\n`);
  return { back, otherTable, missing: attendees.length - back - otherTable, lastBack };
}

function cut() {
  for (const a of attendees) a.ws.terminate();
  return {};
}

// Every reply carries this process's own CPU time so far: the machine is shared, and what the load generator
// spends in a phase is CPU the server could not have.
function ownCpuMs() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

const commands = { join, round, chat, storm, cut };
process.on('message', async (message) => {
  if (message.cmd === 'config') {
    config = message.config;
    process.send({ cmd: 'config', cpuMs: ownCpuMs() });
    return;
  }
  if (message.cmd === 'exit') process.exit(0);
  process.send({ cmd: message.cmd, ...(await commands[message.cmd](message)), cpuMs: ownCpuMs() });
});
