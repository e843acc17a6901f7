#!/usr/bin/env python3
"""Load driver for Tryton 6.0 over JSON-RPC (stdlib only).

    python3 load.py --scenario read_product --concurrency 8 --seconds 10

Prints ONE JSON line on stdout:
  {scenario, concurrency, seconds, requests, ok, errors, rps, p50_ms, p99_ms, ...}

Semantics (like wrk): `concurrency` connections, each a closed loop (send,
wait for the answer, send the next).  Only operations that *complete inside*
the --seconds window are counted; operations still in flight when the window
closes are waited for (so they do not pollute the next run) and reported as
`late`, not counted.  For the batch scenarios one operation is a batch of
--batch items and `rps` is items per second (products/s, moves/s); `requests`,
`ok`, `errors`, p50/p99 are per operation (= per batch).

The connections are spread over --processes worker processes (default: one per
CPU, at most one per connection), each running its connections in threads, so
the client's GIL does not cap the measurement.  Each worker process logs in once
(`common.db.login`) and its connections share that session, like one Tryton
client per process; the sessions are closed (`common.db.logout`) at the end.

Extra fields: client_cpu_s (user+sys CPU seconds of this driver, all processes),
server_cpu_s (of the server pid from --pidfile/--server-pid and its children),
machine_busy_pct (all cores, from /proc/stat, 100 = every core busy; includes
anything else running on the machine), late, drain_s, error_kinds, and
rps_incl_drain = all successful items, in the window or late, divided by
(seconds + drain_s): the throughput the server sustained while it worked off
the whole queue (differs from rps when operations take longer than the window).

JSON-RPC shape (trytond/protocols/dispatcher.py, jsonrpc.py, wrappers.py):
  POST /DBNAME/  Content-Type: application/json
  {"id": N, "method": "model.<model>.<method>", "params": [args..., context]}
  login:  {"method": "common.db.login",
           "params": [login, {"password": pw}, language]} -> [user_id, session]
  then header  Authorization: Session base64("login:user_id:session")
  answer: {"id": N, "result": ...}  or  {"id": N, "error": [...]}
  Decimal is sent/received as {"__class__": "Decimal", "decimal": "1.23"}.
  The context is the one the Tryton client uses: the result of
  model.res.user.get_preferences(True) (it carries company, language, ...).
"""
import argparse
import base64
import http.client
import json
import multiprocessing as mp
import os
import random
import resource
import sys
import threading
import time
import urllib.parse

SCENARIOS = ('read_product', 'read_product_with_stock', 'create_products',
             'stock_moves')


def dec(value):
    return {'__class__': 'Decimal', 'decimal': value}


class RPCError(Exception):
    def __init__(self, kind, message):
        super().__init__(message)
        self.kind = kind


class Client:
    """One keep-alive HTTP connection speaking Tryton JSON-RPC."""

    def __init__(self, url, db, timeout):
        u = urllib.parse.urlsplit(url)
        self.host, self.port = u.hostname, u.port or 80
        self.path = '/%s/' % urllib.parse.quote(db)
        self.timeout = timeout
        self.conn = None
        self.auth = None
        self.next_id = 0

    def _connect(self):
        self.conn = http.client.HTTPConnection(
            self.host, self.port, timeout=self.timeout)

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def call(self, method, params, path=None):
        if self.conn is None:
            self._connect()
        self.next_id += 1
        body = json.dumps({'id': self.next_id, 'method': method,
                           'params': params}, separators=(',', ':'))
        headers = {'Content-Type': 'application/json'}
        if self.auth:
            headers['Authorization'] = self.auth
        try:
            self.conn.request('POST', path or self.path, body, headers)
            resp = self.conn.getresponse()
            data = resp.read()
        except Exception as exc:
            self.close()
            raise RPCError('conn:' + type(exc).__name__, str(exc))
        if resp.status != 200:
            raise RPCError('http:%d' % resp.status, data[:300].decode(
                'utf-8', 'replace'))
        try:
            answer = json.loads(data)
        except ValueError:
            raise RPCError('bad-json', data[:300].decode('utf-8', 'replace'))
        if 'error' in answer:
            err = answer['error']
            first = err[0] if isinstance(err, list) and err else err
            kind = str(first).split('\n')[0][:80]
            raise RPCError('rpc:' + kind, json.dumps(err)[:500])
        return answer.get('result')

    def login(self, user, password):
        user_id, session = self.call(
            'common.db.login', [user, {'password': password}, 'en'])
        token = '%s:%s:%s' % (user, user_id, session)
        self.auth = 'Session ' + base64.b64encode(
            token.encode('utf-8')).decode('ascii')
        return user_id

    def logout(self):
        try:
            self.call('common.db.logout', [])
        except RPCError:
            pass


def discover(args):
    """Look up, over RPC, the ids the scenarios need."""
    c = Client(args.url, args.db, args.timeout)
    c.login(args.user, args.password)
    ctx = c.call('model.res.user.get_preferences', [True, {}])
    product_ids = c.call('model.product.product.search', [
        [['code', 'like', args.code_prefix + '%']], 0, None, None, ctx])
    if not product_ids:
        raise SystemExit('no product with code %s* (run setup.sh)'
                         % args.code_prefix)
    warehouses = c.call('model.stock.location.search_read', [
        [['type', '=', 'warehouse']], 0, 1, [['id', 'ASC']],
        ['storage_location'], ctx])
    suppliers = c.call('model.stock.location.search', [
        [['type', '=', 'supplier']], 0, 1, [['id', 'ASC']], ctx])
    units = c.call('model.product.uom.search', [
        [['symbol', '=', 'u']], 0, 1, None, ctx])
    company = ctx.get('company')
    currency = None
    if company:
        currency = c.call('model.company.company.read', [
            [company], ['currency'], ctx])[0]['currency']
    c.logout()
    c.close()
    return {
        'context': ctx,
        'products': product_ids,
        'warehouse': warehouses[0]['id'],
        'storage': warehouses[0]['storage_location'],
        'supplier': suppliers[0],
        'unit': units[0],
        'company': company,
        'currency': currency,
    }


def make_op(scenario, client, info, batch, tag):
    """Return a function doing one operation, returning the items it did."""
    ctx = info['context']
    products = info['products']
    rnd = random.Random(hash(tag))
    if scenario == 'read_product':
        fields = ['name', 'code', 'list_price']

        def op():
            res = client.call('model.product.product.read', [
                [rnd.choice(products)], fields, ctx])
            if len(res) != 1:
                raise RPCError('bad-result', repr(res)[:200])
            return 1
    elif scenario == 'read_product_with_stock':
        fields = ['name', 'code', 'list_price', 'quantity']
        sctx = dict(ctx, locations=[info['warehouse']])

        def op():
            res = client.call('model.product.product.read', [
                [rnd.choice(products)], fields, sctx])
            if len(res) != 1 or 'quantity' not in res[0]:
                raise RPCError('bad-result', repr(res)[:200])
            return 1
    elif scenario == 'create_products':
        seq = [0]

        def op():
            vlist = []
            for _ in range(batch):
                seq[0] += 1
                n = seq[0]
                code = '%s-%06d' % (tag, n)
                vlist.append({
                    'name': 'Load product %s' % code,
                    'type': 'goods',
                    'default_uom': info['unit'],
                    'list_price': dec('%d.%02d' % (1 + n % 97, n % 100)),
                    'products': [['create', [{
                        'suffix_code': code,
                        'cost_price': dec('%d.00' % (1 + n % 40)),
                    }]]],
                })
            ids = client.call('model.product.template.create', [vlist, ctx])
            if len(ids) != batch:
                raise RPCError('bad-result', repr(ids)[:200])
            return batch
    elif scenario == 'stock_moves':
        def op():
            vlist = [{
                'product': rnd.choice(products),
                'uom': info['unit'],
                'quantity': float(rnd.randint(1, 5)),
                'from_location': info['supplier'],
                'to_location': info['storage'],
                'unit_price': dec('%d.00' % rnd.randint(1, 40)),
                'currency': info['currency'],
                'company': info['company'],
            } for _ in range(batch)]
            ids = client.call('model.stock.move.create', [vlist, ctx])
            if len(ids) != batch:
                raise RPCError('bad-result', repr(ids)[:200])
            client.call('model.stock.move.do', [ids, ctx])
            return batch
    else:
        raise ValueError(scenario)
    return op


def worker(wid, nthreads, args, info, barrier, start_at, out):
    """One client process: log in, run nthreads closed-loop connections."""
    result = {'ok': 0, 'errors': 0, 'late': 0, 'items': 0, 'late_items': 0,
              'lat': [],
              'kinds': {}, 'samples': [], 'last_done': 0.0}
    lock = threading.Lock()
    try:
        login = Client(args.url, args.db, args.timeout)
        login.login(args.user, args.password)
    except Exception as exc:  # still reach the barrier so nobody hangs
        login = None
        result['kinds']['login:' + type(exc).__name__] = 1
        result['samples'].append(str(exc)[:300])
    clients = []
    for t in range(nthreads):
        c = Client(args.url, args.db, args.timeout)
        if login is not None:
            c.auth = login.auth
        clients.append(c)
    barrier.wait()
    start = start_at.value
    deadline = start + args.seconds

    def run(t):
        client = clients[t]
        tag = '%s-%d-%d' % (args.run_tag, wid, t)
        op = make_op(args.scenario, client, info, args.batch, tag)
        lat, ok, err, late, items, late_items = [], 0, 0, 0, 0, 0
        kinds, samples = {}, []
        last = 0.0
        now = time.time()
        if now < start:
            time.sleep(start - now)
        while time.time() < deadline and login is not None:
            t0 = time.time()
            try:
                n = op()
                failed = None
            except RPCError as exc:
                failed = exc
            t1 = time.time()
            last = t1
            if t1 > deadline:
                late += 1
                if failed is None:
                    late_items += n
                continue
            if failed is None:
                ok += 1
                items += n
                lat.append((t1 - t0) * 1000.0)
            else:
                err += 1
                kinds[failed.kind] = kinds.get(failed.kind, 0) + 1
                if len(samples) < 3:
                    samples.append(str(failed)[:300])
        client.close()
        with lock:
            result['ok'] += ok
            result['errors'] += err
            result['late'] += late
            result['items'] += items
            result['late_items'] += late_items
            result['lat'].extend(lat)
            result['last_done'] = max(result['last_done'], last)
            for k, v in kinds.items():
                result['kinds'][k] = result['kinds'].get(k, 0) + v
            result['samples'].extend(samples[:3 - len(result['samples'])])

    threads = [threading.Thread(target=run, args=(t,), daemon=True)
               for t in range(nthreads)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    if login is not None:
        login.logout()
        login.close()
    out.put(result)


def proc_tree_cpu(root_pid):
    """user+sys CPU seconds of root_pid and its (live) descendants."""
    if not root_pid:
        return None
    tck = os.sysconf('SC_CLK_TCK')
    stats = {}
    for name in os.listdir('/proc'):
        if not name.isdigit():
            continue
        try:
            with open('/proc/%s/stat' % name) as f:
                s = f.read()
        except OSError:
            continue
        rest = s[s.rfind(')') + 2:].split()
        # rest[1]=ppid, rest[11]=utime, rest[12]=stime
        stats[int(name)] = (int(rest[1]), int(rest[11]) + int(rest[12]))
    if root_pid not in stats:
        return None
    total, todo = 0, [root_pid]
    while todo:
        pid = todo.pop()
        total += stats[pid][1]
        todo.extend(p for p, (pp, _) in stats.items() if pp == pid)
    return total / tck


def machine_cpu():
    with open('/proc/stat') as f:
        v = [int(x) for x in f.readline().split()[1:]]
    idle = v[3] + v[4]
    return sum(v), idle


def percentile(sorted_values, q):
    if not sorted_values:
        return None
    k = max(0, min(len(sorted_values) - 1,
                   int(round(q / 100.0 * len(sorted_values) + 0.5)) - 1))
    return sorted_values[k]


def main():
    port = os.environ.get('TRYTON_PORT', '8000')
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--scenario', choices=SCENARIOS, default='read_product')
    p.add_argument('--concurrency', type=int, default=8)
    p.add_argument('--seconds', type=float, default=10.0)
    p.add_argument('--batch', type=int, default=100,
                   help='items per operation for create_products/stock_moves')
    p.add_argument('--processes', type=int, default=0,
                   help='client processes (default: min(nproc, concurrency))')
    p.add_argument('--url', default='http://127.0.0.1:%s' % port)
    p.add_argument('--db', default=os.environ.get('TRYTON_DB',
                                                  'tryton_bench'))
    p.add_argument('--user', default='admin')
    p.add_argument('--password', default=os.environ.get(
        'TRYTON_ADMIN_PASSWORD', 'Bench-Tryton60'))
    p.add_argument('--code-prefix', default='BENCH-',
                   help='code prefix of the seeded products to read/move')
    p.add_argument('--timeout', type=float, default=300.0,
                   help='per-request socket timeout (s)')
    p.add_argument('--pidfile', help='server pid file, for server_cpu_s '
                   '(e.g. DIR/trytond.pid)')
    p.add_argument('--server-pid', type=int)
    args = p.parse_args()
    if args.concurrency < 1:
        p.error('--concurrency must be >= 1')
    args.run_tag = 'L%x' % (int(time.time() * 1000) % 0xFFFFFFFF)

    server_pid = args.server_pid
    if not server_pid and args.pidfile:
        try:
            with open(args.pidfile) as f:
                server_pid = int(f.read().strip())
        except (OSError, ValueError):
            server_pid = None

    info = discover(args)

    nproc = args.processes or min(os.cpu_count() or 1, args.concurrency)
    nproc = max(1, min(nproc, args.concurrency))
    per = [args.concurrency // nproc + (1 if i < args.concurrency % nproc
                                        else 0) for i in range(nproc)]
    ctx = mp.get_context('fork')
    barrier = ctx.Barrier(nproc + 1)
    start_at = ctx.Value('d', 0.0)
    out = ctx.Queue()
    procs = [ctx.Process(target=worker,
                         args=(i, per[i], args, info, barrier, start_at, out))
             for i in range(nproc)]
    for pr in procs:
        pr.start()
    start_at.value = time.time() + 0.05
    barrier.wait()
    self_cpu0 = resource.getrusage(resource.RUSAGE_SELF)
    srv0 = proc_tree_cpu(server_pid)
    m0 = machine_cpu()
    start = start_at.value
    results = [out.get() for _ in procs]
    for pr in procs:
        pr.join()
    end = time.time()
    m1 = machine_cpu()
    srv1 = proc_tree_cpu(server_pid)
    self_cpu1 = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)

    lat = sorted(x for r in results for x in r['lat'])
    ok = sum(r['ok'] for r in results)
    errors = sum(r['errors'] for r in results)
    items = sum(r['items'] for r in results)
    kinds = {}
    for r in results:
        for k, v in r['kinds'].items():
            kinds[k] = kinds.get(k, 0) + v
    samples = [s for r in results for s in r['samples']][:3]
    client_cpu = (children.ru_utime + children.ru_stime
                  + self_cpu1.ru_utime + self_cpu1.ru_stime
                  - self_cpu0.ru_utime - self_cpu0.ru_stime)
    total = m1[0] - m0[0]
    busy = 100.0 * (total - (m1[1] - m0[1])) / total if total else None
    drain = max(0.0, end - (start + args.seconds))
    batch = args.batch if args.scenario in ('create_products',
                                            'stock_moves') else 1
    line = {
        'scenario': args.scenario,
        'concurrency': args.concurrency,
        'seconds': args.seconds,
        'requests': ok + errors,
        'ok': ok,
        'errors': errors,
        'rps': round(items / args.seconds, 1),
        'p50_ms': round(percentile(lat, 50), 2) if lat else None,
        'p99_ms': round(percentile(lat, 99), 2) if lat else None,
        'unit': {'create_products': 'products/s',
                 'stock_moves': 'moves/s'}.get(args.scenario, 'requests/s'),
        'batch': batch,
        'items': items,
        'late': sum(r['late'] for r in results),
        'drain_s': round(drain, 2),
        # all successful work, in the window or drained after it, over the
        # whole time the server was busy with it
        'rps_incl_drain': round(
            (items + sum(r['late_items'] for r in results))
            / (args.seconds + drain), 1),
        'processes': nproc,
        'client_cpu_s': round(client_cpu, 2),
        'server_cpu_s': (round(srv1 - srv0, 2)
                         if srv0 is not None and srv1 is not None else None),
        'machine_busy_pct': round(busy, 1) if busy is not None else None,
        'nproc': os.cpu_count(),
    }
    if kinds:
        line['error_kinds'] = kinds
    print(json.dumps(line), flush=True)
    for s in samples:
        print('error sample: ' + s, file=sys.stderr)


if __name__ == '__main__':
    main()
