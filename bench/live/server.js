// The server under test: the Release binary on port 0 with a fresh database, and its CPU and memory from /proc.
import { spawn, execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

// SERVER_LOG=FILE keeps every log line (the slow_batch lines say where a round's time went).
export async function startServer(binary, root) {
  const dir = mkdtempSync(path.join(tmpdir(), 'ensemble-bench-'));
  const child = spawn(binary, ['serve', '--port', '0', '--bind', '127.0.0.1', '--db', path.join(dir, 'ensemble.db'),
    '--static-dir', path.join(root, 'client-web')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, at: Date.now() })));
  // Every log line is counted by its "event", so that trouble the server logged (accept_failed,
  // slow_client_closed…) can be shown; reading on also keeps a full pipe from stalling the server.
  const logged = new Map();
  const port = await new Promise((resolve, reject) => {
    let rest = '';
    child.stdout.on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop();
      for (const line of lines) {
        const name = /"event":"([^"]*)"/.exec(line)?.[1] ?? 'other';
        logged.set(name, (logged.get(name) ?? 0) + 1);
        if (process.env.SERVER_LOG) appendFileSync(process.env.SERVER_LOG, `${line}\n`);
        if (name === 'listening') resolve(JSON.parse(line).port);
      }
    });
    exited.then(({ code, signal }) => reject(new Error(`server exited (${code ?? signal}) before listening`)));
  });
  const proc = (file) => {
    try {
      return readFileSync(`/proc/${child.pid}/${file}`, 'utf8');
    } catch {
      throw new Error(`the server is gone (${child.exitCode ?? child.signalCode})`);
    }
  };
  const cpuFields = () => {
    const stat = proc('stat');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');  // the name may hold spaces
    return [Number(fields[11]), Number(fields[12])];  // utime, stime
  };
  return {
    child, port, exited, logged, base: `http://127.0.0.1:${port}`,
    // Server CPU time (user + system) in ms, from /proc/PID/stat.
    cpuMs() {
      const [user, system] = cpuFields();
      return ((user + system) * 1000) / ticksPerSecond;
    },
    // Of it, the time in the kernel: on loopback, sending also runs the receiving side of TCP.
    systemMs() {
      return (cpuFields()[1] * 1000) / ticksPerSecond;
    },
    // Resident set size in KiB, from /proc/PID/status.
    rssKiB() {
      return Number(/VmRSS:\s+(\d+)/.exec(proc('status'))[1]);
    },
    cleanup() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
