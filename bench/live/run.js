// `make bench-live`: the live server under load. Starts the Release server, drives N attendees from worker
// processes (bench_live_worker, C++) through joins, 3 rounds, a table chat, a reconnection storm and a
// SIGTERM, and prints one Markdown table. N="1000 10000" (attendee counts), RUNS=1 (more: the median of each
// figure).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import WebSocket from 'ws';
import { startServer } from './server.js';
import { percentile, maxOf, mismatches, medians, markdownTable, int, one, two, three } from './stats.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const binary = process.env.ENSEMBLE_BIN || path.join(root, 'build/release/ensemble');
// The load generator (worker.cpp): C++, because its CPU is CPU the server cannot have.
const workerBinary = process.env.WORKER_BIN || path.join(root, 'build/release/bench_live_worker');
const counts = (process.env.N || '1000 10000').split(/[\s,]+/).filter(Boolean).map(Number);
const runs = Number(process.env.RUNS || 1);
const perWorker = Number(process.env.PER_WORKER || 2500);  // sockets per process, well under the 20,000 fd limit
const concurrency = Number(process.env.CONCURRENCY || 64);  // joins in flight per worker
const timeoutMs = Number(process.env.TIMEOUT_MS || 60000);  // what has not arrived by then counts as missing
const settleMs = 500;  // CPU is read this long after a phase ends, to include its trailing work (host updates)
const rounds = 3;

// The generator's own garbage is collected, and swept, before each measured phase: not during it, on the
// server's cores.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc');
const quietMs = 200;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
// Resolves with null after `ms` without keeping the process alive.
const timeout = (ms) => new Promise((resolve) => setTimeout(resolve, ms, null).unref());
const log = (text) => process.stderr.write(`[bench-live] ${text}\n`);
const quiet = () => { collectGarbage(); return sleep(quietMs); };

// The worker processes, each asked one command at a time over IPC (descriptor 3, a JSON object per line).
function startWorkers(count) {
  if (!existsSync(workerBinary)) throw new Error(`no load generator at ${workerBinary} (make build makes it)`);
  const procs = Array.from({ length: count }, () =>
    spawn(workerBinary, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  const ownCpu = procs.map(() => 0);  // each worker's CPU so far, as of its last reply
  const ask = (i, message) => new Promise((resolve, reject) => {
    const proc = procs[i];
    const onExit = (code) => reject(new Error(`worker exited (${code}) during ${message.cmd}`));
    proc.once('exit', onExit);
    proc.once('message', (reply) => { proc.off('exit', onExit); ownCpu[i] = reply.cpuMs; resolve(reply); });
    proc.send(message);
  });
  return {
    cpuMs: () => ownCpu.reduce((sum, ms) => sum + ms, 0),
    all: (message) => Promise.all(procs.map((_, i) => ask(i, typeof message === 'function' ? message(i) : message))),
    stop: () => procs.forEach((proc) => proc.connected && proc.send({ cmd: 'exit' })),
  };
}

// The host console: commands go out, its updates are read but only errors are looked at.
function connectHost(base, eventId, token) {
  const ws = new WebSocket(`${base.replace('http', 'ws')}/ws?event=${eventId}`, { skipUTF8Validation: true });
  ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', token, protocol: 1 })));
  ws.on('close', (code) => code !== 1001 && code !== 1006 && log(`host connection closed (${code})`));
  return new Promise((resolve, reject) => {
    ws.on('error', reject);
    ws.on('message', (data) => {
      const text = data.toString();
      if (text.includes('"type":"host_state"')) resolve(ws);
      else if (text.includes('"type":"error"')) log(`host got ${text}`);
    });
  });
}

async function runOnce(n) {
  const server = await startServer(binary, root);
  const workerCount = Math.ceil(n / perWorker);
  const workers = startWorkers(workerCount);
  const f = {};
  try {
    const response = await fetch(`${server.base}/api/events`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Bench', table_size: 5, min_table_size: 4, max_table_size: 6, rounds,
        round_seconds: 600, break_seconds: 60 }),
    });
    const created = await response.json();
    if (response.status !== 201) throw new Error(`event not created: ${JSON.stringify(created)}`);
    const eventId = created.event.id;
    await workers.all((i) => {
      const first = Math.floor((i * n) / workerCount);
      const count = Math.floor(((i + 1) * n) / workerCount) - first;
      return { cmd: 'config', config: { base: server.base, eventId, first, count, concurrency, timeoutMs } };
    });

    log(`N=${n}: joining with ${workerCount} worker(s)`);
    await quiet();
    const rssBefore = server.rssKiB();
    let cpu = server.cpuMs();
    let start = Date.now();
    const joined = await workers.all({ cmd: 'join' });
    const joinWall = Date.now() - start;
    await sleep(settleMs);
    const connected = joined.reduce((sum, r) => sum + r.connected, 0);
    f.joinFailed = joined.reduce((sum, r) => sum + r.failed, 0);
    f.joinsPerSec = (connected * 1000) / joinWall;
    f.joinCpuS = (server.cpuMs() - cpu) / 1000;
    f.joinCpuPerJoinMs = (f.joinCpuS * 1000) / n;
    const rssAfter = server.rssKiB();
    f.rssBeforeMiB = rssBefore / 1024;
    f.rssAfterMiB = rssAfter / 1024;
    f.rssPerAttendeeKiB = (rssAfter - rssBefore) / connected;

    const host = await connectHost(server.base, eventId, created.host_token);
    for (let r = 1; r <= rounds; r++) {
      log(`N=${n}: round ${r}`);
      await quiet();
      cpu = server.cpuMs();
      const system = server.systemMs();
      const generator = workers.cpuMs();
      const sent = Date.now();
      host.send(JSON.stringify({ type: r === 1 ? 'start_event' : 'next_round' }));
      const seats = (await workers.all({ cmd: 'round', round: r })).flatMap((reply) => reply.seats);
      f[`r${r}Generator`] = workers.cpuMs() - generator;
      await sleep(settleMs);
      f[`r${r}Cpu`] = server.cpuMs() - cpu;
      f[`r${r}System`] = server.systemMs() - system;
      const latencies = seats.map((s) => s[1] - sent);
      f[`r${r}Seated`] = seats.length;
      f[`r${r}Missing`] = n - seats.length;
      f[`r${r}Mismatched`] = mismatches(seats);
      f[`r${r}P50`] = percentile(latencies, 50);
      f[`r${r}P99`] = percentile(latencies, 99);
      f[`r${r}Max`] = maxOf(latencies);
    }

    log(`N=${n}: chat`);
    await quiet();
    cpu = server.cpuMs();
    const system = server.systemMs();
    const generator = workers.cpuMs();
    const chats = await workers.all({ cmd: 'chat', round: rounds });
    f.chatGenerator = workers.cpuMs() - generator;
    await sleep(settleMs);
    f.chatCpu = server.cpuMs() - cpu;
    f.chatSystem = server.systemMs() - system;
    const chatLatencies = chats.flatMap((reply) => reply.latencies);
    f.chatReceipts = chatLatencies.length;
    f.chatMissing = chats.reduce((sum, reply) => sum + reply.missing, 0);
    f.chatP50 = percentile(chatLatencies, 50);
    f.chatP99 = percentile(chatLatencies, 99);

    log(`N=${n}: reconnection storm`);
    await quiet();
    cpu = server.cpuMs();
    start = Date.now();
    const storm = await workers.all({ cmd: 'storm', round: rounds });
    await sleep(settleMs);
    f.stormCpuS = (server.cpuMs() - cpu) / 1000;
    f.stormBack = storm.reduce((sum, r) => sum + r.back, 0);
    f.stormOther = storm.reduce((sum, r) => sum + r.otherTable, 0);
    f.stormMissing = n - f.stormBack - f.stormOther;
    f.stormAllBackS = f.stormBack === n ? (Math.max(...storm.map((r) => r.lastBack)) - start) / 1000 : Infinity;

    log(`N=${n}: everyone cut, then SIGTERM`);
    await workers.all({ cmd: 'cut' });
    f.workersCpuS = workers.cpuMs() / 1000;
    host.terminate();
    const signalled = Date.now();
    server.child.kill('SIGTERM');
    const exit = await Promise.race([server.exited, timeout(timeoutMs)]);
    f.sigtermMs = exit ? exit.at - signalled : Infinity;
    f.exitCode = exit ? exit.code : null;
  } finally {
    log(`N=${n}: server log lines by event: ${JSON.stringify(Object.fromEntries(server.logged))}`);
    workers.stop();
    server.cleanup();
  }
  return f;
}

const triple = (a, b, c, format = int) => `${format(a)} / ${format(b)} / ${format(c)}`;
const orNever = (format) => (v) => (v === Infinity ? `not within ${timeoutMs / 1000} s` : format(v));

const rows = [
  ['joins/s (REST join, WebSocket, first state; wall)', '—', (f) => int(f.joinsPerSec)],
  ['failed joins', '0', (f) => int(f.joinFailed)],
  ['server CPU to admit all joins (s)', '≤ 3 s', (f) => two(f.joinCpuS)],
  ['server CPU per join (ms)', '≤ 0.3 ms (3 s / 10,000)', (f) => three(f.joinCpuPerJoinMs)],
  ['server RSS before joins / all connected (MiB)', '—', (f) => `${one(f.rssBeforeMiB)} / ${one(f.rssAfterMiB)}`],
  ['RSS per connected attendee (KiB)', '≤ 5 KiB', (f) => one(f.rssPerAttendeeKiB)],
];
for (let r = 1; r <= rounds; r++) {
  rows.push(
    [`round ${r}: seated / missing / mismatched`, 'all / 0 / 0',
      (f) => triple(f[`r${r}Seated`], f[`r${r}Missing`], f[`r${r}Mismatched`])],
    [`round ${r}: command → seat p50 / p99 / max (ms)`, 'p99 ≤ 150 ms', (f) => triple(f[`r${r}P50`], f[`r${r}P99`], f[`r${r}Max`])],
    [`round ${r}: server CPU (ms), of it in the kernel`, '≤ 200 ms', (f) => `${int(f[`r${r}Cpu`])} (${int(f[`r${r}System`])})`],
    [`round ${r}: load generator CPU (ms)`, '—', (f) => int(f[`r${r}Generator`])],
  );
}
rows.push(
  ['chat: receipts by tablemates / missing', '— / 0', (f) => `${int(f.chatReceipts)} / ${int(f.chatMissing)}`],
  ['chat to tablemates p50 / p99 (ms)', 'p99 ≤ 300 ms', (f) => `${int(f.chatP50)} / ${int(f.chatP99)}`],
  ['chat: server CPU (ms), of it in the kernel', '—', (f) => `${int(f.chatCpu)} (${int(f.chatSystem)})`],
  ['chat: load generator CPU (ms)', '—', (f) => int(f.chatGenerator)],
  ['storm: back at the same table / other table / missing', 'all / 0 / 0', (f) => triple(f.stormBack, f.stormOther, f.stormMissing)],
  ['storm: all back at the same table (s)', '≤ 5 s', (f) => orNever(two)(f.stormAllBackS)],
  ['storm: server CPU (s)', '—', (f) => two(f.stormCpuS)],
  ['SIGTERM → exit, right after all disconnect (ms)', '≤ 1,000 ms',
    (f) => orNever(int)(f.sigtermMs) + (f.exitCode === 0 || f.sigtermMs === Infinity ? '' : ` (exit ${f.exitCode ?? 'by signal'})`)],
  ['load generator CPU, all workers, whole run (s)', '—', (f) => two(f.workersCpuS)],
);

const columns = [];
for (const n of counts) {
  const results = [];
  for (let run = 1; run <= runs; run++) {
    if (runs > 1) log(`N=${n}: run ${run} of ${runs}`);
    results.push(await runOnce(n));
  }
  columns.push({ n, figures: medians(results), title: `N = ${n.toLocaleString('en-US')}` });
}
console.log(`ensemble live benchmark: ${binary}; ${runs === 1 ? 'one run' : `median of ${runs} runs`} per N, `
  + `up to ${perWorker} attendees per worker process (${path.basename(workerBinary)}, C++), `
  + `${concurrency} joins in flight per worker\n`);
console.log(markdownTable(rows, columns));
