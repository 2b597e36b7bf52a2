-- Programs clients follow: ordered modules, optionally released some days after enrolment, some premium.
CREATE TABLE programs (
    id            UUID        PRIMARY KEY,
    org_id        UUID        NOT NULL,
    title         TEXT        NOT NULL,
    description   TEXT,
    category      TEXT,
    duration_days INT         CHECK (duration_days BETWEEN 1 AND 3650),
    difficulty    TEXT        NOT NULL CHECK (difficulty IN ('beginner', 'intermediate', 'advanced')),
    premium       BOOLEAN     NOT NULL DEFAULT false,
    active        BOOLEAN     NOT NULL DEFAULT true,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX programs_org_idx ON programs (org_id, active, title);

CREATE TABLE program_modules (
    id                 UUID        PRIMARY KEY,
    org_id             UUID        NOT NULL,
    program_id         UUID        NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    position           INT         NOT NULL,
    title              TEXT        NOT NULL,
    description        TEXT,
    content            JSONB       NOT NULL DEFAULT '{}',
    minutes            INT         CHECK (minutes BETWEEN 0 AND 1440),
    type               TEXT        NOT NULL CHECK (type IN ('video', 'audio', 'text', 'interactive')),
    required           BOOLEAN     NOT NULL DEFAULT true,
    premium            BOOLEAN     NOT NULL DEFAULT false,
    release_after_days INT         NOT NULL DEFAULT 0 CHECK (release_after_days BETWEEN 0 AND 3650)
);
CREATE INDEX program_modules_program_idx ON program_modules (org_id, program_id, position);

CREATE TABLE program_enrollments (
    org_id       UUID        NOT NULL,
    program_id   UUID        NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    client_id    UUID        NOT NULL,
    enrolled_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    enrolled_on  DATE        NOT NULL,
    started_at   TIMESTAMPTZ,
    completed_at TIMESTAMPTZ,
    PRIMARY KEY (org_id, program_id, client_id)
);
CREATE INDEX program_enrollments_client_idx ON program_enrollments (org_id, client_id);

-- Completing a module twice counts once (the primary key).
CREATE TABLE module_completions (
    org_id             UUID        NOT NULL,
    module_id          UUID        NOT NULL REFERENCES program_modules (id) ON DELETE CASCADE,
    program_id         UUID        NOT NULL,
    client_id          UUID        NOT NULL,
    completed_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    time_spent_seconds INT         NOT NULL CHECK (time_spent_seconds BETWEEN 0 AND 86400),
    score              NUMERIC(6, 2),
    PRIMARY KEY (org_id, module_id, client_id)
);
CREATE INDEX module_completions_client_idx ON module_completions (org_id, client_id, program_id);
