-- Revenue reads payments beside sales and paid orders: a payment's net is what it captured less the tax its
-- invoice shows (the same "before tax" as an order's items). Columns are only appended (CREATE OR REPLACE VIEW).
CREATE OR REPLACE VIEW report_payments AS
SELECT p.id, p.org_id, p.client_id, p.order_id, p.membership_id, p.amount, p.currency, p.captured, p.refunded,
       p.provider, p.method, p.status, p.created_at, p.succeeded_at,
       p.captured - coalesce(i.tax, 0) AS net
FROM payments p
LEFT JOIN invoices i ON i.org_id = p.org_id AND i.payment_id = p.id AND i.kind = 'invoice';
COMMENT ON VIEW report_payments IS 'Published by billing for reports and insights; read-only.';
