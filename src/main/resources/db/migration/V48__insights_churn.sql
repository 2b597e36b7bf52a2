-- The churn model trained per organization (a logistic regression's standardisation and weights, or the rules
-- when there is too little history), with its time-split evaluation beside the rules'; and the latest score of
-- each client, with its reasons in words.
CREATE TABLE churn_models (
    org_id             UUID             PRIMARY KEY,
    method             TEXT             NOT NULL CHECK (method IN ('logistic_regression', 'rules')),
    trained_at         TIMESTAMPTZ      NOT NULL,
    as_of              DATE             NOT NULL,
    train_rows         INT              NOT NULL,
    test_rows          INT              NOT NULL,
    test_positives     INT              NOT NULL,
    auc                DOUBLE PRECISION,
    precision_at_10    DOUBLE PRECISION,
    brier              DOUBLE PRECISION,
    rules_auc          DOUBLE PRECISION,
    rules_precision_at_10 DOUBLE PRECISION,
    rules_brier        DOUBLE PRECISION,
    features           TEXT[]           NOT NULL,
    means              DOUBLE PRECISION[],
    stds               DOUBLE PRECISION[],
    weights            DOUBLE PRECISION[],
    bias               DOUBLE PRECISION,
    training_ms        BIGINT           NOT NULL,
    note               TEXT
);

CREATE TABLE churn_scores (
    org_id      UUID             NOT NULL,
    client_id   UUID             NOT NULL,
    as_of       DATE             NOT NULL,
    probability DOUBLE PRECISION NOT NULL CHECK (probability BETWEEN 0 AND 1),
    method      TEXT             NOT NULL,
    reasons     JSONB            NOT NULL,
    scored_at   TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (org_id, client_id)
);
CREATE INDEX churn_scores_org_probability_idx ON churn_scores (org_id, probability DESC);
