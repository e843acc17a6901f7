#!/usr/bin/env node
// One-way PouchDB replication of URL/DB into a fresh on-disk LevelDB database in a temp dir.
// Prints one JSON line with the wall time from the start of PouchDB.replicate to 'complete'.
// Usage: node replicate.js URL DB [--batch-size N]
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const PouchDB = require('pouchdb');

function usage() {
  console.error('usage: node replicate.js URL DB [--batch-size N]');
  process.exit(2);
}

const args = process.argv.slice(2);
let batchSize = null;
const positional = [];
for (let k = 0; k < args.length; k++) {
  if (args[k] === '--batch-size') {
    batchSize = Number(args[++k]);
    if (!Number.isInteger(batchSize) || batchSize < 1) usage();
  } else {
    positional.push(args[k]);
  }
}
if (positional.length !== 2) usage();
const [url, dbName] = positional;

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pouchdb-replica-'));
  try {
    const remote = new PouchDB(`${url.replace(/\/+$/, '')}/${encodeURIComponent(dbName)}`, { skip_setup: true });
    const local = new PouchDB(path.join(dir, 'replica')); // default node adapter: leveldb
    await local.info(); // open the empty database before the clock starts

    const opts = batchSize === null ? {} : { batch_size: batchSize };
    const start = process.hrtime.bigint();
    const result = await new Promise((resolve, reject) => {
      PouchDB.replicate(remote, local, opts)
        .on('complete', resolve)
        .on('denied', reject)
        .on('error', reject);
    });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (!result.ok || (result.errors && result.errors.length)) {
      throw new Error(`replication finished with errors: ${JSON.stringify(result.errors)}`);
    }

    const docs = (await local.info()).doc_count;
    await local.destroy();
    console.log(JSON.stringify({
      peer: 'pouchdb',
      batch_size: batchSize === null ? 'default' : batchSize,
      docs,
      seconds: Number(seconds.toFixed(3)),
      docs_per_s: Math.round(docs / seconds),
      peak_rss_mb: Number((process.resourceUsage().maxRSS / 1024).toFixed(1)), // maxRSS is in KiB
    }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
