-- Read-only views the memberships module publishes for reports and exports: plain projections of
-- its tables (PostgreSQL inlines them, so the readers' plans are those of the tables), with only the
-- columns those readers use. Other modules read these, never the tables.
CREATE VIEW report_membership_plans AS
SELECT org_id, id, name, kind
FROM membership_plans;

CREATE VIEW report_client_memberships AS
SELECT org_id, id, client_id, plan_id, status, starts_on, ends_on, cancelled_at
FROM client_memberships;

CREATE VIEW report_credit_ledger AS
SELECT org_id, membership_id, delta
FROM credit_ledger;

CREATE VIEW report_sales AS
SELECT org_id, id, client_id, sold_at, currency, payment_method
FROM sales;

CREATE VIEW report_sale_items AS
SELECT org_id, id, sale_id, plan_id, description, quantity, total
FROM sale_items;

CREATE VIEW report_sale_refunds AS
SELECT org_id, sale_id, amount, created_at
FROM sale_refunds;

COMMENT ON VIEW report_membership_plans IS 'Published by memberships for reports and exports; read-only.';
COMMENT ON VIEW report_client_memberships IS 'Published by memberships for reports and exports; read-only.';
COMMENT ON VIEW report_credit_ledger IS 'Published by memberships for reports and exports; read-only.';
COMMENT ON VIEW report_sales IS 'Published by memberships for reports and exports; read-only.';
COMMENT ON VIEW report_sale_items IS 'Published by memberships for reports and exports; read-only.';
COMMENT ON VIEW report_sale_refunds IS 'Published by memberships for reports and exports; read-only.';
