#!/usr/bin/env python3
"""Seed the Tryton benchmark database (called by setup.sh; idempotent).

    python3 seed.py CONFIG DBNAME [NPRODUCTS]

Runs in-process against the database through trytond's own API (the server
must not be running).  Creates, if missing:
  * currency USD, a party + company "TossErp Bench Co" using it;
  * the admin user's company (so the client context carries `company`,
    which company-dependent values such as list_price / cost_price need);
  * NPRODUCTS (default 200) product templates, each with one variant:
    type goods, unit UoM, code BENCH-00001.., list price and cost price;
  * an initial stock for each seeded product: one done move
    Supplier -> WH/Storage, so `quantity` in the warehouse is non-zero.
The warehouse is the stock module's default one (XML id stock.location_warehouse,
code WH, with its Input / Output / Storage locations).
"""
import sys
from decimal import Decimal


def main():
    conf, dbname = sys.argv[1], sys.argv[2]
    nproducts = int(sys.argv[3]) if len(sys.argv) > 3 else 200

    from trytond.config import config
    config.update_etc(conf)
    from trytond.pool import Pool
    from trytond.transaction import Transaction

    Pool.start()
    pool = Pool(dbname)
    pool.init()

    with Transaction().start(dbname, 0, context={}) as transaction:
        Currency = pool.get('currency.currency')
        Party = pool.get('party.party')
        Company = pool.get('company.company')
        User = pool.get('res.user')

        currencies = Currency.search([('code', '=', 'USD')])
        if currencies:
            usd, = currencies
        else:
            usd, = Currency.create([{
                        'name': 'U.S. Dollar', 'code': 'USD', 'symbol': '$',
                        'rounding': Decimal('0.01'), 'digits': 2,
                        }])
        companies = Company.search([('party.name', '=', 'TossErp Bench Co')])
        if companies:
            company, = companies
        else:
            party, = Party.create([{'name': 'TossErp Bench Co'}])
            company, = Company.create([{'party': party.id,
                        'currency': usd.id}])
        with transaction.set_context(active_test=False):
            admin, = User.search([('login', '=', 'admin')])
        if admin.company != company:
            User.write([admin], {
                    'companies': [('add', [company.id])],
                    'company': company.id,
                    })
        transaction.commit()
        company_id = company.id

    with Transaction().start(dbname, 0, context={'company': company_id}) \
            as transaction:
        ModelData = pool.get('ir.model.data')
        Template = pool.get('product.template')
        Product = pool.get('product.product')
        Move = pool.get('stock.move')
        Location = pool.get('stock.location')

        unit = ModelData.get_id('product', 'uom_unit')
        warehouse = Location(ModelData.get_id('stock', 'location_warehouse'))
        storage = warehouse.storage_location
        supplier = ModelData.get_id('stock', 'location_supplier')
        currency_id = pool.get('company.company')(company_id).currency.id

        codes = ['BENCH-%05d' % i for i in range(1, nproducts + 1)]
        existing = {p.code for p in Product.search(
                [('code', 'in', codes)])}
        vlist = []
        for i, code in enumerate(codes, 1):
            if code in existing:
                continue
            vlist.append({
                    'name': 'Bench product %05d' % i,
                    'code': None,
                    'type': 'goods',
                    'default_uom': unit,
                    'list_price': Decimal('%d.%02d' % (5 + i % 95, i % 100)),
                    'products': [('create', [{
                                    'suffix_code': code,
                                    'cost_price': Decimal(
                                        '%d.00' % (2 + i % 50)),
                                    }])],
                    })
        if vlist:
            Template.create(vlist)

        products = Product.search([('code', 'in', codes)],
            order=[('code', 'ASC')])
        stocked = {m.product.id for m in Move.search([
                    ('product', 'in', [p.id for p in products]),
                    ('to_location', '=', storage.id),
                    ])}
        moves = []
        for i, product in enumerate(products, 1):
            if product.id in stocked:
                continue
            moves.append({
                    'product': product.id,
                    'uom': unit,
                    'quantity': float(10 + i % 90),
                    'from_location': supplier,
                    'to_location': storage.id,
                    'unit_price': Decimal('%d.00' % (2 + i % 50)),
                    'currency': currency_id,
                    'company': company_id,
                    })
        if moves:
            Move.do(Move.create(moves))
        transaction.commit()
        print('seed: company %d, warehouse %d (storage %d), %d products '
              '(%d created), %d initial stock moves' % (
                  company_id, warehouse.id, storage.id, len(products),
                  len(vlist), len(moves)), file=sys.stderr)


if __name__ == '__main__':
    main()
