-- Breathing techniques an organization adds to the built-in ones, and the sessions clients complete.
CREATE TABLE breathing_techniques (
    id          UUID        PRIMARY KEY,
    org_id      UUID        NOT NULL,
    code        TEXT        NOT NULL,
    name        TEXT        NOT NULL,
    description TEXT,
    phases      JSONB       NOT NULL,
    cycles      INT         NOT NULL CHECK (cycles BETWEEN 1 AND 1000),
    active      BOOLEAN     NOT NULL DEFAULT true,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (org_id, code)
);

CREATE TABLE breathing_sessions (
    id               UUID        PRIMARY KEY,
    org_id           UUID        NOT NULL,
    client_id        UUID        NOT NULL,
    technique        TEXT        NOT NULL,
    duration_seconds INT         NOT NULL CHECK (duration_seconds BETWEEN 1 AND 86400),
    completed_at     TIMESTAMPTZ NOT NULL,
    local_date       DATE        NOT NULL,
    mood_before      SMALLINT    CHECK (mood_before BETWEEN 1 AND 5),
    mood_after       SMALLINT    CHECK (mood_after BETWEEN 1 AND 5),
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX breathing_sessions_client_idx ON breathing_sessions (org_id, client_id, completed_at DESC);

-- Achievements: the built-in ones are code; an organization may add its own with a requirement as JSON. Each is
-- earned once per client (the primary key), whatever events arrive at the same time.
CREATE TABLE achievements (
    id          UUID        PRIMARY KEY,
    org_id      UUID        NOT NULL,
    code        TEXT        NOT NULL,
    name        TEXT        NOT NULL,
    description TEXT,
    icon        TEXT,
    category    TEXT        NOT NULL,
    points      INT         NOT NULL CHECK (points BETWEEN 0 AND 100000),
    requirement JSONB       NOT NULL,
    active      BOOLEAN     NOT NULL DEFAULT true,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (org_id, code)
);

CREATE TABLE client_achievements (
    org_id      UUID        NOT NULL,
    client_id   UUID        NOT NULL,
    code        TEXT        NOT NULL,
    earned_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, client_id, code)
);

ALTER TABLE care_sharing DROP CONSTRAINT care_sharing_category_check;
ALTER TABLE care_sharing ADD CONSTRAINT care_sharing_category_check
    CHECK (category IN ('mood', 'assessments', 'breathing'));
