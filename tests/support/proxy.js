// A TCP proxy in front of the server whose network fails as a phone's does: `cut()` resets every
// connection and refuses new ones; `stall()` lets packets vanish without anything being closed (a train
// in a tunnel); `restore()` brings the network back, dropping the connections that stalled.
import net from 'node:net';

export function startProxy(targetPort) {
  const pairs = new Set();
  let mode = 'up';

  const server = net.createServer((client) => {
    if (mode === 'cut') return client.resetAndDestroy();
    const upstream = net.connect(targetPort, '127.0.0.1');
    const pair = { client, upstream, stalled: mode === 'stalled' };
    pairs.add(pair);
    const forget = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    for (const [from, to] of [[client, upstream], [upstream, client]]) {
      from.on('data', (data) => { if (!pair.stalled) to.write(data); });
      from.on('error', forget).on('close', forget);
    }
  });

  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    resolve({
      base: `http://127.0.0.1:${port}`,
      cut() {
        mode = 'cut';
        for (const pair of pairs) pair.client.resetAndDestroy(), pair.upstream.destroy();
        pairs.clear();
      },
      stall() {
        mode = 'stalled';
        for (const pair of pairs) pair.stalled = true;
      },
      restore() {
        mode = 'up';
        for (const pair of [...pairs]) {
          if (!pair.stalled) continue;
          pairs.delete(pair);
          pair.client.destroy();
          pair.upstream.destroy();
        }
      },
      close() {
        this.cut();
        return new Promise((done) => server.close(done));
      },
    });
  }));
}
