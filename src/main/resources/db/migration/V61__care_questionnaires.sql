-- An organization's own questionnaires (intake forms): items on one answer scale, optional reversed items, and
-- bands of the total. Retired ones stay, so that assessments taken with them keep their meaning.
CREATE TABLE questionnaires (
    id         UUID        PRIMARY KEY,
    org_id     UUID        NOT NULL,
    code       TEXT        NOT NULL,
    name       TEXT        NOT NULL,
    prompt     TEXT,
    items      JSONB       NOT NULL,
    options    JSONB       NOT NULL,
    bands      JSONB       NOT NULL,
    multiplier INT         NOT NULL DEFAULT 1 CHECK (multiplier BETWEEN 1 AND 100),
    active     BOOLEAN     NOT NULL DEFAULT true,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (org_id, code)
);
