-- Treatment plans (clinics): a client's course of treatment with dated milestones, each of which may suggest an
-- appointment with a service.
CREATE TABLE treatment_plans (
    id             UUID        PRIMARY KEY,
    org_id         UUID        NOT NULL,
    client_id      UUID        NOT NULL,
    name           TEXT        NOT NULL,
    description    TEXT,
    starts_on      DATE        NOT NULL,
    ends_on        DATE,
    duration_weeks INT         CHECK (duration_weeks BETWEEN 1 AND 520),
    status         TEXT        NOT NULL CHECK (status IN ('draft', 'active', 'completed', 'cancelled')),
    created_by     UUID        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX treatment_plans_client_idx ON treatment_plans (org_id, client_id, starts_on DESC);

CREATE TABLE treatment_milestones (
    id         UUID        PRIMARY KEY,
    org_id     UUID        NOT NULL,
    plan_id    UUID        NOT NULL REFERENCES treatment_plans (id) ON DELETE CASCADE,
    position   INT         NOT NULL,
    title      TEXT        NOT NULL,
    due_on     DATE        NOT NULL,
    status     TEXT        NOT NULL CHECK (status IN ('pending', 'done', 'skipped')),
    done_at    TIMESTAMPTZ,
    service_id UUID,
    notes      TEXT
);
CREATE INDEX treatment_milestones_plan_idx ON treatment_milestones (org_id, plan_id, position);

-- Consultations: what was discussed and recommended, and when to follow up (a reminder goes to the client then).
CREATE TABLE consultations (
    id                 UUID        PRIMARY KEY,
    org_id             UUID        NOT NULL,
    client_id          UUID        NOT NULL,
    type               TEXT        NOT NULL,
    held_on            DATE        NOT NULL,
    advisor_id         UUID        NOT NULL,
    concerns           TEXT,
    recommendations    TEXT,
    follow_up_on       DATE,
    follow_up_told_on  DATE,
    notes              TEXT,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX consultations_client_idx ON consultations (org_id, client_id, held_on DESC);
CREATE INDEX consultations_follow_up_idx ON consultations (follow_up_on) WHERE follow_up_told_on IS NULL;
