// The HTTP side's limits and edges: static files kept inside their folder, folders redirected, 405 with
// Allow, 414 and 431 answered, the Host header checked, invisible text refused, keep-alive connections
// closed after their lifetime, and a server out of descriptors that neither spins nor floods its log.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { startServer, api, Peer } from '../support/server.js';

let server;
let outside;
let staticDir;
before(async () => {
  // A static folder with a symlink to a secret file outside it, one to a folder outside it, and one inside.
  outside = mkdtempSync(path.join(tmpdir(), 'ensemble-outside-'));
  writeFileSync(path.join(outside, 'secret.txt'), 'root:x:0:0:secret');
  staticDir = mkdtempSync(path.join(tmpdir(), 'ensemble-static-'));
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>home</title>');
  mkdirSync(path.join(staticDir, 'css'));
  writeFileSync(path.join(staticDir, 'css', 'style.css'), 'body { color: black }');
  symlinkSync(path.join(outside, 'secret.txt'), path.join(staticDir, 'passwd.txt'));
  symlinkSync(outside, path.join(staticDir, 'elsewhere'));
  symlinkSync(path.join(staticDir, 'css', 'style.css'), path.join(staticDir, 'same.css'));
  server = await startServer({ staticDir });
});
after(async () => {
  await server.stop();
  rmSync(outside, { recursive: true, force: true });
  rmSync(staticDir, { recursive: true, force: true });
});

// Sends `text` on a new connection and reads until the server closes it. Rejects on a reset or after `ms`.
function exchange(port, text, ms = 5000) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks = [];
    const timer = setTimeout(() => { socket.destroy(); reject(new Error(`no close within ${ms} ms`)); }, ms);
    socket.on('connect', () => socket.end(text));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', (error) => { clearTimeout(timer); reject(error); });
    socket.on('close', (hadError) => {
      clearTimeout(timer);
      if (hadError) return;
      try { resolve(parseResponse(Buffer.concat(chunks).toString('utf8'))); } catch (error) { reject(error); }
    });
  });
}

// The first HTTP response in `raw`: status, lower-cased headers, body (JSON when it parses).
function parseResponse(raw) {
  const end = raw.indexOf('\r\n\r\n');
  assert.ok(end > 0, `no HTTP response in ${JSON.stringify(raw.slice(0, 200))}`);
  const [statusLine, ...lines] = raw.slice(0, end).split('\r\n');
  const headers = Object.fromEntries(lines.map((line) => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
  }));
  const text = raw.slice(end + 4);
  let body = text;
  try { body = JSON.parse(text); } catch { /* not JSON */ }
  return { status: Number(statusLine.split(' ')[1]), headers, body };
}

function createEventWithHost(host) {
  const body = JSON.stringify({ title: 'Essai' });
  const hostLine = host === null ? '' : `Host: ${host}\r\n`;
  return exchange(server.port, `POST /api/events HTTP/1.1\r\n${hostLine}Content-Type: application/json\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

test('static files never lead out of the folder, symlinks included', async () => {
  const cases = [
    ['/passwd.txt', 404], ['/elsewhere/secret.txt', 404], ['/elsewhere/', 404], ['//elsewhere/secret.txt', 404],
    ['/../outside/secret.txt', 404], ['/same.css', 200], ['/css/style.css', 200], ['/', 200], ['/index.html', 200],
  ];
  for (const [url, status] of cases) {
    const response = await fetch(server.base + url, { redirect: 'manual' });
    const text = await response.text();
    assert.equal(response.status, status, url);
    assert.ok(!text.includes('secret'), url);
  }
});

test('a folder asked for without its slash is redirected to it, query kept', async () => {
  for (const [url, location] of [['/css', '/css/'], ['/css?lang=en', '/css/?lang=en']]) {
    const response = await fetch(server.base + url, { redirect: 'manual' });
    assert.equal(response.status, 301, url);
    assert.equal(response.headers.get('location'), location);
  }
  const noIndex = await fetch(`${server.base}/css/`);
  assert.equal(noIndex.status, 404);
  assert.equal((await noIndex.json()).code, 'not_found');
});

test('a wrong method gets 405 method_not_allowed with Allow', async () => {
  const created = await api(server.base, 'POST', '/api/events', { title: 'Essai' });
  const id = created.body.event.id;
  const cases = [
    ['POST', '/index.html', 'GET, HEAD'], ['DELETE', '/css/style.css', 'GET, HEAD'],
    ['GET', '/api/events', 'POST'], ['POST', `/api/events/${id}`, 'GET'], ['GET', `/api/events/${id}/attendees`, 'POST'],
  ];
  for (const [method, url, allow] of cases) {
    const response = await fetch(server.base + url, { method });
    assert.equal(response.status, 405, `${method} ${url}`);
    assert.equal(response.headers.get('allow'), allow, `${method} ${url}`);
    assert.equal((await response.json()).code, 'method_not_allowed', `${method} ${url}`);
  }
});

test('a request line over 8 KiB gets 414 and header fields over 8 KiB get 431, not a reset', async () => {
  const long = await exchange(server.port, `GET /${'a'.repeat(9000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
  assert.equal(long.status, 414);
  assert.equal(long.body.code, 'too_large');
  assert.equal(long.headers.connection, 'close');

  const bigField = await exchange(server.port, `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(9000)}\r\n\r\n`);
  assert.equal(bigField.status, 431);
  assert.equal(bigField.body.code, 'too_large');
  const manyFields = Array.from({ length: 100 }, (_, i) => `X-Field-${i}: ${'c'.repeat(90)}\r\n`).join('');
  const many = await exchange(server.port, `GET / HTTP/1.1\r\nHost: x\r\n${manyFields}\r\n`);
  assert.equal(many.status, 431);

  // Still answered: a 7 KiB target and a body sent after a head that was too big.
  const within = await exchange(server.port, `GET /${'a'.repeat(7000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
  assert.equal(within.status, 404);
  const withBody = await exchange(server.port,
    `POST /api/events HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(9000)}\r\nContent-Length: 60000\r\n\r\n${'d'.repeat(60000)}`);
  assert.equal(withBody.status, 431);
});

test('the Host header goes into links only when it is a plain host[:port]', async () => {
  const own = `http://127.0.0.1:${server.port}/`;
  for (const host of ['evil.example/phish?x=', 'user@evil.example', 'a b', '"><script>alert(1)</script>',
    'evil.example:99999', 'evil.example:', '[::1', '-evil.example', 'evil..example', '', null]) {
    const response = await createEventWithHost(host);
    assert.equal(response.status, 201, String(host));
    assert.ok(response.body.join_url.startsWith(own), `${host} -> ${response.body.join_url}`);
    assert.ok(response.body.host_url.startsWith(own), `${host} -> ${response.body.host_url}`);
  }
  for (const host of ['ensemble.example.org:8443', 'localhost', '192.168.1.20:8080', '[::1]:8080']) {
    const response = await createEventWithHost(host);
    assert.ok(response.body.join_url.startsWith(`http://${host}/join.html?event=`), `${host} -> ${response.body.join_url}`);
  }
});

test('invisible, bidi-override and C1 control text is refused wherever people type', async () => {
  const created = await api(server.base, 'POST', '/api/events', { title: 'Essai' });
  const join = `/api/events/${created.body.event.id}/attendees`;
  const cases = [
    ['/api/events', { title: '\u200B\u200B' }, 'title'],
    ['/api/events', { title: 'Essai', prompts: ['\uFEFF'] }, 'prompts'],
    ['/api/events', { title: 'a\u202Eb' }, 'title'],
    [join, { name: '\u200B', organisation: 'CCAS' }, 'name'],
    [join, { name: '\uFEFF\u200D', organisation: 'CCAS' }, 'name'],
    [join, { name: 'Alex\u202Etxt.exe', organisation: 'CCAS' }, 'name'],
    [join, { name: 'Alex', organisation: 'CCAS\u0085' }, 'organisation'],
    [join, { name: 'Alex', organisation: '\u009BCCAS' }, 'organisation'],
    [join, { name: 'Alex', organisation: 'CCAS', role: '\u2066x\u2069' }, 'role'],
  ];
  for (const [url, body, field] of cases) {
    const response = await api(server.base, 'POST', url, body);
    assert.equal(response.status, 400, JSON.stringify(body));
    assert.equal(response.body.code, 'invalid_field', JSON.stringify(body));
    assert.equal(response.body.field, field, JSON.stringify(body));
  }
  const ok = await api(server.base, 'POST', join, { name: 'Zoé\u200B', organisation: 'Mission locale' });
  assert.equal(ok.status, 201);

  const peer = new Peer(server.base, created.body.event.id, ok.body.token);
  await peer.next((m) => m.type === 'state');
  for (const text of ['\u200B', 'abc\u202Edef', 'a\u0085b']) {
    peer.send({ type: 'chat', text });
    const error = await peer.next((m) => m.type === 'error');
    assert.deepEqual([error.code, error.field], ['invalid_field', 'text'], JSON.stringify(text));
  }
  await peer.close();
});

test('a keep-alive connection is closed after its lifetime, however busy', async () => {
  const short = await startServer({ staticDir, args: ['--http-lifetime', '1'] });
  try {
    const started = Date.now();
    const socket = net.connect(short.port, '127.0.0.1');
    const request = 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n';
    let received = '';
    let answered = 0;
    socket.on('connect', () => socket.write(request));
    socket.on('data', async (chunk) => {
      received += chunk;
      const now = (received.match(/HTTP\/1\.1 200/g) || []).length;
      if (now === answered) return;
      answered = now;
      // A client that asks again 200 ms after each answer: never idle long enough for the idle limit.
      await delay(200);
      if (!socket.destroyed && !socket.writableEnded) socket.write(request);
    });
    const closed = await new Promise((resolve, reject) => {
      socket.on('error', reject);
      socket.on('close', () => resolve(Date.now() - started));
      setTimeout(() => reject(new Error('still open after 10 s')), 10000).unref();
    });
    assert.ok(answered >= 3, `${answered} answers`);
    assert.ok(closed >= 900 && closed < 5000, `closed after ${closed} ms`);

    // An idle connection goes at the end of its lifetime too, long before the 30 s idle limit.
    const idleStart = Date.now();
    const idle = net.connect(short.port, '127.0.0.1');
    await new Promise((resolve, reject) => { idle.on('close', resolve); idle.on('error', reject); });
    assert.ok(Date.now() - idleStart < 5000);
  } finally {
    await short.stop();
  }
});

// The server's CPU time (user + system) in ms, from /proc.
function cpuMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks;
}

// Resolves with the first log line that passes `test`, logged already or to come.
function logLine(target, test, ms = 10000) {
  return new Promise((resolve, reject) => {
    const check = () => {
      const line = target.logs.find(test);
      if (!line) return;
      target.child.stdout.off('data', check);
      clearTimeout(timer);
      resolve(line);
    };
    const timer = setTimeout(() => { target.child.stdout.off('data', check); reject(new Error('no such log line')); }, ms);
    target.child.stdout.on('data', check);
    check();
  });
}

function connect(port) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.on('connect', () => resolve(socket));
    socket.on('error', reject);
  });
}

test('out of descriptors, the server pauses accepting: little CPU, few log lines, still serving', async () => {
  const limited = await startServer({ staticDir, prefix: ['prlimit', '--nofile=64:64', '--'] });
  const sockets = [];
  try {
    // One keep-alive connection opened before the crowd keeps being served while the server is full.
    const early = await connect(limited.port);
    const answers = [];
    early.on('data', (chunk) => answers.push(String(chunk)));
    const answered = () => new Promise((resolve) => early.once('data', resolve));
    early.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    await answered();

    for (let i = 0; i < 120; i++) sockets.push(await connect(limited.port));
    await logLine(limited, (line) => line.event === 'connection_cap_reached' || line.event === 'accept_failed');
    const before = cpuMs(limited.child.pid);
    await delay(2000);  // the window measured, not a wait for an event
    const spent = cpuMs(limited.child.pid) - before;
    assert.ok(spent < 400, `the server used ${spent} ms of CPU in 2 s while full`);
    const trouble = limited.logs.filter((line) => line.event === 'connection_cap_reached' || line.event === 'accept_failed');
    assert.ok(trouble.length <= 5, `${trouble.length} accept log lines in about 2 s`);

    early.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    await answered();
    assert.match(answers.at(-1), /^HTTP\/1\.1 200/);

    // Once the crowd leaves, new connections are accepted again.
    for (const socket of sockets) socket.destroy();
    early.destroy();
    const health = await fetch(`${limited.base}/healthz`, { signal: AbortSignal.timeout(5000) });
    assert.equal(health.status, 200);
    const listening = limited.logs.find((line) => line.event === 'listening');
    assert.equal(listening.max_connections, 64 - 32 - 6);
  } finally {
    for (const socket of sockets) socket.destroy();
    await limited.stop();
  }
});
