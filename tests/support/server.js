// Starts the real ensemble binary on port 0 and speaks its protocol: shared by integration and browser tests.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const binary = process.env.ENSEMBLE_BIN || path.join(root, 'build/check/ensemble');

// Starts `ensemble serve` on port 0 with a fresh database, or again on a given port and folder to test a
// restart; resolves once its "listening" line names the port. `logs` holds the parsed JSON lines.
// `staticDir` replaces client-web, `args` are more flags, and `prefix` runs the server through a command
// that execs it (such as `prlimit --nofile=64:64 --`), so that `child.pid` is still the server's.
export function startServer({ port = 0, dir = mkdtempSync(path.join(tmpdir(), 'ensemble-')),
  staticDir = path.join(root, 'client-web'), args = [], prefix = [] } = {}) {
  const db = path.join(dir, 'ensemble.db');
  const command = [...prefix, binary, 'serve', '--port', String(port), '--bind', '127.0.0.1', '--db', db,
    '--static-dir', staticDir, ...args];
  const child = spawn(command[0], command.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
  const logs = [];
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    let pending = '';
    child.stdout.on('data', (chunk) => {
      pending += chunk;
      let newline;
      while ((newline = pending.indexOf('\n')) >= 0) {
        const line = JSON.parse(pending.slice(0, newline));
        pending = pending.slice(newline + 1);
        logs.push(line);
        if (line.event !== 'listening') continue;
        const base = `http://127.0.0.1:${line.port}`;
        resolve({
          child, port: line.port, base, url: base, dir, db, logs, exited,
          // SIGKILL, keeping the database for a restart.
          kill: () => { child.kill('SIGKILL'); return exited; },
          // SIGTERM, then the folder is removed.
          async stop() {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            await exited;
            rmSync(dir, { recursive: true, force: true });
          },
        });
      }
    });
    child.stderr.on('data', (chunk) => process.stderr.write(chunk));
    exited.then(({ code, signal }) => reject(new Error(`server exited (${code ?? signal}) before listening`)));
  });
}

export async function api(base, method, url, body) {
  const response = await fetch(base + url, {
    method, headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : (typeof body === 'string' ? body : JSON.stringify(body)),
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

// A WebSocket whose messages can be awaited by predicate, in order, without sleeping.
export class Peer {
  constructor(base, eventId, token) {
    this.messages = [];
    this.waiters = [];
    // The token goes in the first message (protocol.md), never in the URL.
    this.ws = new WebSocket(`${base.replace('http', 'ws')}/ws?event=${eventId}`);
    this.ws.on('open', () => this.ws.send(JSON.stringify({ type: 'hello', token, protocol: 1 })));
    this.closed = new Promise((resolve) => this.ws.on('close', (code, reason) => resolve({ code, reason: String(reason) })));
    this.opened = new Promise((resolve, reject) => {
      this.ws.on('open', resolve);
      this.ws.on('unexpected-response', (req, res) => reject(Object.assign(new Error('refused'), { status: res.statusCode })));
      this.ws.on('error', reject);
    });
    // A frame may hold several messages, one per line (protocol.md).
    this.ws.on('message', (data) => {
      for (const line of String(data).split('\n')) {
        const message = JSON.parse(line);
        this.messages.push(message);
        this.waiters = this.waiters.filter((w) => !(w.test(message) && (w.resolve(message), true)));
      }
    });
  }

  send(message) { this.ws.send(typeof message === 'string' ? message : JSON.stringify(message)); }

  // The first message, received already or to come, that matches; fails after `ms`.
  next(test, ms = 10000) {
    const seen = this.messages.find(test);
    if (seen) { this.messages.splice(this.messages.indexOf(seen), 1); return Promise.resolve(seen); }
    const caller = new Error().stack.split('\n')[2]?.trim();
    return new Promise((resolve, reject) => {
      const waiter = { test, resolve: (m) => { clearTimeout(timer); this.messages.splice(this.messages.indexOf(m), 1); resolve(m); } };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no matching message within ${ms} ms (${caller}); last: ${JSON.stringify(this.messages.slice(-3))}`));
      }, ms);
      this.waiters.push(waiter);
    });
  }

  close() { this.ws.close(); return this.closed; }
}

export function query(db, sql) {
  const out = execFileSync('sqlite3', ['-json', db, sql], { encoding: 'utf8' });
  return out.trim() ? JSON.parse(out) : [];
}
