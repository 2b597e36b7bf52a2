-- What insights needs to add the renewals already scheduled to a revenue forecast: each plan's price, period and
-- whether it renews by itself (appended to the plans view), and the renewal charges recorded as due.
CREATE OR REPLACE VIEW report_membership_plans AS
SELECT org_id, id, name, kind,
       price_amount, currency, auto_renew, period_unit, period_count
FROM membership_plans;

CREATE VIEW report_membership_charges AS
SELECT org_id, membership_id, amount, currency, period_start, period_end, status
FROM membership_charges;

COMMENT ON VIEW report_membership_plans IS 'Published by memberships for reports, exports and insights; read-only.';
COMMENT ON VIEW report_membership_charges IS 'Published by memberships for insights (scheduled renewals); read-only.';
