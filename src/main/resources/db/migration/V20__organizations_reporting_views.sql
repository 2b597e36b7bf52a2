-- Read-only views the organizations module publishes for reports, exports and insights: plain
-- projections of its tables (PostgreSQL inlines them, so the readers' plans are those of the tables),
-- with only the columns those readers use. Other modules read these, never the tables.
CREATE VIEW report_organizations AS
SELECT id AS org_id, name, timezone, currency
FROM organizations;

CREATE VIEW report_locations AS
SELECT org_id, id, name, timezone
FROM locations;

CREATE VIEW report_org_members AS
SELECT org_id, user_id, role
FROM org_members;

COMMENT ON VIEW report_organizations IS 'Published by organizations for reports and exports; read-only.';
COMMENT ON VIEW report_locations IS 'Published by organizations for reports and exports; read-only.';
COMMENT ON VIEW report_org_members IS 'Published by organizations for reports and exports; read-only.';
