#!/usr/bin/env node
// express-pouchdb on 127.0.0.1:PORT, its databases stored as LevelDB directories under DATADIR.
// Usage: node server.js PORT DATADIR
'use strict';
const path = require('path');
const fs = require('fs');
const express = require('express');
const PouchDB = require('pouchdb');

const [port, dataDir] = process.argv.slice(2);
if (!port || !dataDir) {
  console.error('usage: node server.js PORT DATADIR');
  process.exit(2);
}
fs.mkdirSync(dataDir, { recursive: true });

// Every database the server opens becomes DATADIR/<name> (PouchDB's default node adapter, leveldb).
const ServerPouchDB = PouchDB.defaults({ prefix: path.resolve(dataDir) + path.sep });

// 'minimumForPouchDB' is the set of routes PouchDB replication needs (including _bulk_get and
// _revs_diff), without the CouchDB extras that write a config file and a request log.
const app = express();
app.use('/', require('express-pouchdb')(ServerPouchDB, { mode: 'minimumForPouchDB' }));

const server = app.listen(Number(port), '127.0.0.1', () => {
  console.log('listening');
});
server.on('error', (err) => {
  console.error(err);
  process.exit(1);
});
for (const sig of ['SIGTERM', 'SIGINT']) {
  process.on(sig, () => server.close(() => process.exit(0)));
}
