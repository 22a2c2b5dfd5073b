// The WebSocket as RFC 6455 says, byte by byte over a plain TCP socket: the handshake's checks, fragments,
// control frames, breaches and their close codes; and the heartbeat, with a client that answers pings and
// one that does not. The tests run side by side: the heartbeat's 30 s are the file's length.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import WebSocket from 'ws';
import { startServer, api, Peer } from '../support/server.js';

let server;
let event;
before(async () => {
  server = await startServer();
  event = (await api(server.base, 'POST', '/api/events', { title: 'Essai', round_seconds: 600 })).body;
});
after(() => server.stop());

async function attendeeToken(name) {
  return (await api(server.base, 'POST', `/api/events/${event.event.id}/attendees`, { name, organisation: 'CCAS' })).body.token;
}

const MASK = Buffer.from([0x37, 0xfa, 0x21, 0x3d]);

// A client's frame: FIN and opcode in `first`, masked unless told otherwise.
function frame(first, payload, { masked = true } = {}) {
  const data = Buffer.from(payload);
  const length = data.length < 126 ? Buffer.from([data.length]) : Buffer.from([126, data.length >> 8, data.length & 0xff]);
  length[0] |= masked ? 0x80 : 0;
  const body = masked ? Buffer.from(data.map((byte, i) => byte ^ MASK[i % 4])) : data;
  return Buffer.concat([Buffer.from([first]), length, masked ? MASK : Buffer.alloc(0), body]);
}
const text = (payload, fin = true) => frame((fin ? 0x80 : 0) | 1, payload);
const hello = (token) => JSON.stringify({ type: 'hello', token, protocol: 1 });

// A TCP socket that sends the upgrade itself, then reads the server's frames (never masked) as they come.
class RawClient {
  constructor(headers = {}) {
    this.socket = net.connect(server.port, '127.0.0.1');
    this.bytes = Buffer.alloc(0);
    this.frames = [];
    this.waiters = [];
    this.ended = new Promise((resolve) => this.socket.on('close', resolve));
    this.socket.on('error', () => {});
    this.head = new Promise((resolve) => {
      this.socket.on('data', (chunk) => {
        this.bytes = Buffer.concat([this.bytes, chunk]);
        if (!this.headRead) {
          const end = this.bytes.indexOf('\r\n\r\n');
          if (end < 0) return;
          this.headRead = true;
          resolve(this.bytes.subarray(0, end).toString());
          this.bytes = this.bytes.subarray(end + 4);
        }
        this.readFrames();
      });
    });
    const lines = Object.entries({
      Host: `127.0.0.1:${server.port}`, Connection: 'Upgrade', Upgrade: 'websocket',
      'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', ...headers,
    }).map(([name, value]) => `${name}: ${value}\r\n`);
    this.socket.write(`GET /ws?event=${event.event.id} HTTP/1.1\r\n${lines.join('')}\r\n`);
  }

  readFrames() {
    while (this.bytes.length >= 2) {
      let length = this.bytes[1] & 0x7f;
      let at = 2;
      if (length === 126) { if (this.bytes.length < 4) return; length = this.bytes.readUInt16BE(2); at = 4; }
      if (length === 127) { if (this.bytes.length < 10) return; length = Number(this.bytes.readBigUInt64BE(2)); at = 10; }
      if (this.bytes.length < at + length) return;
      const received = { opcode: this.bytes[0] & 0x0f, fin: (this.bytes[0] & 0x80) !== 0, masked: (this.bytes[1] & 0x80) !== 0, payload: this.bytes.subarray(at, at + length) };
      this.bytes = this.bytes.subarray(at + length);
      this.frames.push(received);
      this.waiters = this.waiters.filter((w) => !(w.test(received) && (w.resolve(received), true)));
    }
  }

  // The first frame, received already or to come, that matches.
  next(test) {
    const seen = this.frames.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }

  closeFrame() { return this.next((f) => f.opcode === 8); }
  send(bytes) { this.socket.write(bytes); }
}

const closeCode = (f) => f.payload.readUInt16BE(0);

describe('the WebSocket, byte by byte', { concurrency: true }, () => {
  test('the upgrade is refused over HTTP without version 13 or a proper key; accepted with its accept key', async () => {
    const old = new RawClient({ 'Sec-WebSocket-Version': '8' });
    const oldHead = await old.head;
    assert.match(oldHead, /^HTTP\/1\.1 426 /);
    assert.match(oldHead, /\r\nSec-WebSocket-Version: 13(\r\n|$)/i);
    const keyless = new RawClient({ 'Sec-WebSocket-Key': 'not a key' });
    assert.match(await keyless.head, /^HTTP\/1\.1 400 /);
    const good = new RawClient();
    const head = await good.head;
    assert.match(head, /^HTTP\/1\.1 101 /);
    assert.match(head, /\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK\+xOo=/i);
    good.socket.destroy();
  });

  test('a hello in three fragments with a ping between them: the pong first, then the state, unmasked', async () => {
    const client = new RawClient();
    await client.head;
    const message = hello(await attendeeToken('Fragments'));
    client.send(Buffer.concat([
      text(message.slice(0, 10), false), frame(0x89, 'es-tu là ?'),
      frame(0x00, message.slice(10, 20)), frame(0x80, message.slice(20)),
    ]));
    const pong = await client.next((f) => f.opcode === 10);
    assert.equal(pong.payload.toString(), 'es-tu là ?');
    const state = await client.next((f) => f.opcode === 1);
    assert.equal(state.masked, false);
    assert.equal(state.fin, true);
    assert.ok(client.frames.indexOf(pong) < client.frames.indexOf(state));
    assert.ok(state.payload.toString().split('\n').some((line) => JSON.parse(line).type === 'state'));
    // A close from the client is answered with its code, and the server then closes the connection.
    client.send(frame(0x88, Buffer.from([0x03, 0xe8])));
    assert.equal(closeCode(await client.closeFrame()), 1000);
    await client.ended;
  });

  test('messages sent with the hello beyond one read of 64 KiB are all read after it, though told only once', async () => {
    const client = new RawClient();
    await client.head;
    // The hello and three messages of 40 KiB that are not JSON, in one write: while the hello's token is
    // checked the server reads nothing more, and the socket will not say again that bytes wait.
    const bad = '{'.repeat(40 * 1024);
    client.send(Buffer.concat([text(hello(await attendeeToken('Pipeline'))), text(bad), text(bad), text(bad)]));
    const lines = () => client.frames.flatMap((f) => (f.opcode === 1 ? f.payload.toString().split('\n') : []));
    const errors = () => lines().filter((line) => line.includes('"malformed_json"')).length;
    let timer;
    const late = new Promise((resolve) => { timer = setTimeout(resolve, 10000); });
    await Promise.race([client.next(() => errors() >= 3), late]);
    clearTimeout(timer);
    assert.equal(errors(), 3);
    assert.ok(lines().some((line) => line.includes('"type":"state"')));
    client.socket.destroy();
  });

  test('breaches close with their code, then the connection: unmasked 1002, binary 1003, not UTF-8 1007, over 64 KiB 1009', async () => {
    const token = await attendeeToken('Breaches');
    const cases = [
      [frame(0x81, hello(token), { masked: false }), 1002],
      [frame(0x82, Buffer.from([1, 2, 3])), 1003],
      [text(Buffer.from([0x7b, 0xc3, 0x28])), 1007],
      // Only the head of a message over the limit: it is refused before its bytes come.
      [Buffer.concat([Buffer.from([0x81, 0xff]), Buffer.from([0, 0, 0, 0, 0, 1, 0, 1]), MASK]), 1009],
    ];
    await Promise.all(cases.map(async ([bytes, code]) => {
      const client = new RawClient();
      await client.head;
      client.send(bytes);
      assert.equal(closeCode(await client.closeFrame()), code);
      // Then the server ends the connection, without waiting for the client's answer (RFC 6455 7.1.7).
      await client.ended;
    }));
  });

  test('heartbeat: a silent connection gets a ping after 15 s and is dropped after 30 s; one that answers stays', async () => {
    const silent = new Peer(server.base, event.event.id, await attendeeToken('Silencieux'));
    const answering = new Peer(server.base, event.event.id, await attendeeToken('Répond'));
    // ws answers pings by itself unless told not to: the silent one answers nothing.
    silent.ws._autoPong = false;
    await Promise.all([silent.next((m) => m.type === 'state'), answering.next((m) => m.type === 'state')]);
    const since = Date.now();
    const pinged = new Promise((resolve) => silent.ws.on('ping', () => resolve(Date.now() - since)));
    const ping = await pinged;
    assert.ok(ping >= 13000 && ping < 20000, `pinged after ${ping} ms`);
    const closed = await silent.closed;
    const dropped = Date.now() - since;
    assert.ok(dropped >= 28000 && dropped < 36000, `dropped after ${dropped} ms`);
    assert.equal(closed.code, 1006);  // no close frame: the socket is closed
    assert.equal(answering.ws.readyState, WebSocket.OPEN);
    answering.send({ type: 'ping' });
    await answering.next((m) => m.type === 'pong');
    await answering.close();
  });
});
