-- Each client's engagement score (0-100) with its parts, kept by insights; published as a view so the client
-- list can sort by it.
CREATE TABLE engagement_scores (
    org_id      UUID        NOT NULL,
    client_id   UUID        NOT NULL,
    score       INT         NOT NULL CHECK (score BETWEEN 0 AND 100),
    parts       JSONB       NOT NULL,
    computed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (org_id, client_id)
);

CREATE VIEW insight_engagement_scores AS
SELECT org_id, client_id, score, computed_at
FROM engagement_scores;

COMMENT ON VIEW insight_engagement_scores IS 'Published by insights for the client list; read-only.';
