#!/usr/bin/env node
// Creates DB on the server and writes N product documents through _bulk_docs, 5000 per request.
// Usage: node seed.js URL DB N
'use strict';
const PouchDB = require('pouchdb');

const CHUNK = 5000;
const [url, dbName, nArg] = process.argv.slice(2);
const n = Number(nArg);
if (!url || !dbName || !Number.isInteger(n) || n < 0) {
  console.error('usage: node seed.js URL DB N');
  process.exit(2);
}

// EAN-13: 12 data digits, then a check digit (weights 1,3,1,3,... from the left).
function ean13(i) {
  const data = '400' + String(i).padStart(9, '0');
  let sum = 0;
  for (let k = 0; k < 12; k++) sum += Number(data[k]) * (k % 2 === 0 ? 1 : 3);
  return data + String((10 - (sum % 10)) % 10);
}

const NOUNS = ['Bolt', 'Washer', 'Bracket', 'Hinge', 'Cable', 'Filter', 'Valve', 'Gasket'];

// Same fields as our product JSON (shared/domain/serialization.cpp), with _id in place of id.
function product(i) {
  const num = String(i).padStart(6, '0');
  return {
    _id: `product-${num}`,
    sku: `SKU-${num}`,
    name: `Product ${i} ${NOUNS[i % NOUNS.length]}`,
    description: `Benchmark catalogue item ${num}, sold by the piece, grade A.`,
    category_id: (i % 20) + 1,
    unit: 'pcs',
    price: { amount: ((99 + ((i * 37) % 9900)) / 100).toFixed(2), currency: 'EUR' },
    barcodes: [{ code: ean13(i), symbology: 'ean13' }],
    active: true,
    version: 1,
  };
}

async function main() {
  const base = url.replace(/\/+$/, '');
  const put = await fetch(`${base}/${encodeURIComponent(dbName)}`, { method: 'PUT' });
  if (put.status !== 201 && put.status !== 412) {
    throw new Error(`PUT /${dbName}: HTTP ${put.status} ${await put.text()}`);
  }
  const remote = new PouchDB(`${base}/${encodeURIComponent(dbName)}`, { skip_setup: true });

  const start = process.hrtime.bigint();
  for (let from = 1; from <= n; from += CHUNK) {
    const docs = [];
    for (let i = from; i < from + CHUNK && i <= n; i++) docs.push(product(i));
    const results = await remote.bulkDocs(docs);
    const failed = results.filter((r) => r.error);
    if (failed.length) throw new Error(`bulkDocs: ${failed.length} failed, first: ${JSON.stringify(failed[0])}`);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;

  const info = await remote.info();
  if (info.doc_count !== n) throw new Error(`expected ${n} docs on the server, found ${info.doc_count}`);
  console.log(`seeded ${n} docs into ${dbName} in ${seconds.toFixed(2)} s`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
