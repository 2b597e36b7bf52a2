-- Read-only view the identity module publishes for reports and exports: a person's name and email,
-- never credentials. Users belong to no organization, so the view has no org_id: readers reach it
-- only through an organization's own rows (a member, a session's instructor, an appointment's staff).
CREATE VIEW report_users AS
SELECT id, first_name, last_name, email, erased_at
FROM users;

COMMENT ON VIEW report_users IS 'Published by identity for reports and exports; read-only.';
