-- Deleting an organization: an owner schedules it (typed confirmation), it can be restored until it is
-- due, then every row and stored file of it is removed. Only members with the owner role keep access
-- while it is scheduled.
ALTER TABLE organizations
    ADD COLUMN deletion_requested_at TIMESTAMPTZ,
    ADD COLUMN deletion_requested_by UUID,
    ADD COLUMN deletion_due_at       TIMESTAMPTZ,
    ADD CONSTRAINT organizations_deletion_complete
        CHECK ((deletion_due_at IS NULL) = (deletion_requested_at IS NULL));

CREATE INDEX organizations_deletion_due_idx ON organizations (deletion_due_at) WHERE deletion_due_at IS NOT NULL;

-- What is left of a removed organization: that it existed and when it went (no name, nothing of its data).
CREATE TABLE organization_removals (
    removed_org_id UUID      PRIMARY KEY,
    requested_at TIMESTAMPTZ NOT NULL,
    requested_by UUID,
    removed_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    rows_removed BIGINT      NOT NULL
);
