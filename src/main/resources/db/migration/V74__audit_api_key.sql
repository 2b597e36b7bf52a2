-- what was done through a key shows in the audit trail beside the member it acts for (audit)
ALTER TABLE audit_log ADD COLUMN api_key_id UUID;
