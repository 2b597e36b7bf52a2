-- Bench data for billing: 1,000 clients in the bench organization, and another organization with 50,000 past
-- payments and their invoices, so that the statements must filter by organization.
-- psql variables: org, other.
CREATE TABLE bench_clients (n INT PRIMARY KEY, id UUID NOT NULL);
INSERT INTO bench_clients SELECT g, gen_random_uuid() FROM generate_series(1, 1000) g;
INSERT INTO clients (id, org_id, first_name, last_name, status)
SELECT id, :'org', 'Bench', 'Payer ' || n, 'active' FROM bench_clients;

INSERT INTO payments (id, org_id, description, amount, currency, captured, provider, method, status, succeeded_at)
SELECT gen_random_uuid(), :'other', 'Past ' || g, 1000 + g % 5000, 'EUR', 1000 + g % 5000, 'manual', 'cash',
       'succeeded', now() - (g || ' minutes')::interval
FROM generate_series(1, 50000) g;
INSERT INTO invoice_sequences (org_id, kind, year, last) VALUES (:'other', 'invoice', extract(year FROM now())::int, 50000);
INSERT INTO invoices (id, org_id, kind, number, year, seq, payment_id, status, currency, subtotal, tax, total,
                      tax_rate_bp, issued_at, paid_at)
SELECT gen_random_uuid(), :'other', 'invoice', extract(year FROM now())::int || '-' || lpad(r::text, 5, '0'),
       extract(year FROM now())::int, r, p.id, 'paid', 'EUR', p.amount, 0, p.amount, 0, now(), now()
FROM (SELECT id, amount, row_number() OVER (ORDER BY id) AS r FROM payments WHERE org_id = :'other') p;

ANALYZE clients;
ANALYZE payments;
ANALYZE invoices;
ANALYZE invoice_sequences;
