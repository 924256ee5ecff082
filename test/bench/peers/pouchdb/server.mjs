// The PouchDB "head office" of the sync benchmark: express-pouchdb on 127.0.0.1:0, in its own process
// so its CPU and memory are measured apart from the client's (docs/SYNC.md §4c.1).
//   node server.mjs [--adapter memory|leveldb] [--dir DIR]
// Prints {"port":…} on stdout. Started with an IPC channel (bench.mjs forks it), it also answers
// {stats} (CPU, RSS, bytes and requests received on the PouchDB port) and {seed: count} (bulk-load
// customers in-process, as sync-bench.ts fills PostgreSQL with SQL), and it exits when the channel closes.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pouchFor, seededCustomer } from './pouch.mjs';

const require = createRequire(import.meta.url);
const express = require('express');
const expressPouchDB = require('express-pouchdb');

const { values } = parseArgs({ options: { adapter: { type: 'string', default: 'memory' }, dir: { type: 'string' }, 'timeout-s': { type: 'string', default: '1800' } } });
// Never outlive a stuck run, whatever the parent does.
setTimeout(() => {
  console.error('pouchdb peer server: hard timeout');
  process.exit(2);
}, Number(values['timeout-s']) * 1000).unref();

const dir = values.dir ?? mkdtempSync(join(tmpdir(), 'counterdesk-pouch-server-'));
mkdirSync(dir, { recursive: true });
const { Local } = pouchFor(values.adapter, dir);
const app = express();
// express-pouchdb's log and config stay in the scratch folder, not in the working tree.
app.use('/', expressPouchDB(Local, { mode: 'minimumForPouchDB', inMemoryConfig: true, logPath: join(dir, 'express-pouchdb.log') }));

// Wire bytes are counted on the sockets (headers included); body bytes from Content-Length, which
// PouchDB's http adapter always sends. It sends no gzip: bodies are plain JSON.
const traffic = { wireIn: 0, wireOut: 0, bodyIn: 0, requests: 0 };
const sockets = new Set();
const server = await new Promise((resolve) => {
  const s = app.listen(0, '127.0.0.1', () => resolve(s));
});
server.on('request', (req) => {
  traffic.requests += 1;
  traffic.bodyIn += Number(req.headers['content-length'] ?? 0);
});
server.on('connection', (socket) => {
  sockets.add(socket);
  socket.on('close', () => {
    traffic.wireIn += socket.bytesRead;
    traffic.wireOut += socket.bytesWritten;
    sockets.delete(socket);
  });
});

function stats() {
  let wireIn = traffic.wireIn;
  let wireOut = traffic.wireOut;
  for (const socket of sockets) {
    wireIn += socket.bytesRead;
    wireOut += socket.bytesWritten;
  }
  const cpu = process.cpuUsage();
  return { cpuMs: (cpu.user + cpu.system) / 1000, rssMb: process.memoryUsage.rss() / 2 ** 20, peakRssMb: process.resourceUsage().maxRSS / 1024, wireIn, wireOut, bodyIn: traffic.bodyIn, requests: traffic.requests };
}

async function seed(count) {
  const db = new Local('headoffice');
  const now = new Date().toISOString();
  for (let i = 0; i < count; i += 1000) {
    await db.bulkDocs(Array.from({ length: Math.min(1000, count - i) }, (_, k) => seededCustomer(i + k, now)));
  }
  return (await db.info()).doc_count;
}

function shutDown(code) {
  server.closeAllConnections();
  server.close();
  if (!values.dir) rmSync(dir, { recursive: true, force: true });
  process.exit(code);
}

const port = server.address().port;
console.log(JSON.stringify({ port }));
if (process.send) {
  process.on('message', (message) => {
    if (message?.type === 'stats') process.send({ type: 'stats', id: message.id, stats: stats() });
    if (message?.type === 'seed') {
      seed(message.count).then(
        (docCount) => process.send({ type: 'seeded', id: message.id, docCount }),
        (error) => process.send({ type: 'error', id: message.id, message: String(error?.stack ?? error) }),
      );
    }
  });
  process.on('disconnect', () => shutDown(0));
  process.send({ type: 'ready', port });
}
process.on('SIGTERM', () => shutDown(0));
process.on('SIGINT', () => shutDown(0));
