-- Care: what a client records about their own wellbeing, and whom they let see it.

-- Per client and category, whether the organization's staff may see that category (nothing is shared until the
-- client says so; revocable at any time).
CREATE TABLE care_sharing (
    org_id     UUID        NOT NULL,
    client_id  UUID        NOT NULL,
    category   TEXT        NOT NULL CHECK (category IN ('mood', 'assessments')),
    shared     BOOLEAN     NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, client_id, category)
);

-- A completed questionnaire: the answers as given, the score and band computed when it was taken, and the
-- emergency support session it opened, if any.
CREATE TABLE assessments (
    id                 UUID        PRIMARY KEY,
    org_id             UUID        NOT NULL,
    client_id          UUID        NOT NULL,
    instrument         TEXT        NOT NULL,
    answers            SMALLINT[]  NOT NULL,
    score              INT         NOT NULL,
    band               TEXT        NOT NULL,
    self_harm_flagged  BOOLEAN     NOT NULL DEFAULT false,
    support_session_id UUID,
    taken_at           TIMESTAMPTZ NOT NULL,
    created_by         UUID        NOT NULL
);
CREATE INDEX assessments_client_idx ON assessments (org_id, client_id, instrument, taken_at DESC);

-- A mood entry: 1-5, emotions, a note, when, optionally where and the weather, and the factors the client tracks
-- (sleep hours, exercise, caffeine, their own). local_date is the day in the entry's own offset.
CREATE TABLE mood_entries (
    id          UUID        PRIMARY KEY,
    org_id      UUID        NOT NULL,
    client_id   UUID        NOT NULL,
    mood        SMALLINT    NOT NULL CHECK (mood BETWEEN 1 AND 5),
    emotions    TEXT[]      NOT NULL DEFAULT '{}',
    note        TEXT,
    occurred_at TIMESTAMPTZ NOT NULL,
    local_date  DATE        NOT NULL,
    place       TEXT,
    weather     TEXT,
    factors     JSONB       NOT NULL DEFAULT '{}',
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX mood_entries_client_idx ON mood_entries (org_id, client_id, local_date DESC, occurred_at DESC);
