-- report_users is identity's one published view of people: organizations reads it for member lists
-- (sorted by name or email) and imports' staff names, reports and exports for names. Never credentials.
COMMENT ON VIEW report_users IS 'Published by identity: names and emails for other modules (member lists, reports, exports); read-only.';
