-- Usage the platform tiers count. SMS: the month's SMS deliveries of an organization, by an index that matches.
CREATE INDEX notification_deliveries_sms_idx ON notification_deliveries (org_id, created_at) WHERE channel = 'sms';

-- Questions asked of the insights per organization and month (UTC), for the AI-questions allowance.
CREATE TABLE insight_question_counts (
    org_id    UUID NOT NULL,
    month     DATE NOT NULL,
    questions INT  NOT NULL,
    PRIMARY KEY (org_id, month)
);
