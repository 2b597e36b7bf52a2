-- The ledger row's client, reason and time (credits used per day), and a membership's start of record,
-- for insights; appended, so every reader of the earlier columns is unchanged.
CREATE OR REPLACE VIEW report_credit_ledger AS
SELECT org_id, membership_id, delta,
       client_id, reason, used_for, created_at
FROM credit_ledger;

CREATE OR REPLACE VIEW report_client_memberships AS
SELECT org_id, id, client_id, plan_id, status, starts_on, ends_on, cancelled_at,
       created_at
FROM client_memberships;

COMMENT ON VIEW report_credit_ledger IS 'Published by memberships for reports, exports and insights; read-only.';
COMMENT ON VIEW report_client_memberships IS 'Published by memberships for reports, exports and insights; read-only.';
