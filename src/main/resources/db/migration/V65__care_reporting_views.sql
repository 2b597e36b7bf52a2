-- Published by care for insights (program activity is a part of the engagement score): which modules a client
-- completed when. Program activity is the studio's content, not the client's private care data (moods,
-- assessments, breathing and food stay unpublished).
CREATE VIEW report_module_completions AS
SELECT org_id, client_id, program_id, completed_at
FROM module_completions;

COMMENT ON VIEW report_module_completions IS 'Published by care; read-only.';
