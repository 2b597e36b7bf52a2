-- What care publishes of treatment plans for commerce's recommendations: the services of each plan's milestones,
-- with the plan's client, name and status and the milestone's status (no notes, no clinical text).
CREATE VIEW report_treatment_services AS
SELECT m.org_id, p.client_id, p.name AS plan_name, p.status AS plan_status, p.starts_on, m.position,
       m.status AS milestone_status, m.service_id
FROM treatment_milestones m
JOIN treatment_plans p ON p.org_id = m.org_id AND p.id = m.plan_id
WHERE m.service_id IS NOT NULL;

COMMENT ON VIEW report_treatment_services IS 'Published by care for commerce''s recommendations; read-only.';
