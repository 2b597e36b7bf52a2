-- A client's food diary: entered by hand, imported from a MyFitnessPal export, or filled from the FatSecret food
-- database. An imported row keeps its source's key, so importing the same file again replaces rather than doubles.
CREATE TABLE food_entries (
    id          UUID          PRIMARY KEY,
    org_id      UUID          NOT NULL,
    client_id   UUID          NOT NULL,
    day         DATE          NOT NULL,
    meal        TEXT          NOT NULL CHECK (meal IN ('breakfast', 'lunch', 'dinner', 'snack')),
    food        TEXT          NOT NULL,
    quantity    TEXT,
    calories    NUMERIC(8, 1),
    protein_g   NUMERIC(7, 1),
    carbs_g     NUMERIC(7, 1),
    fat_g       NUMERIC(7, 1),
    source      TEXT          NOT NULL CHECK (source IN ('manual', 'myfitnesspal', 'fatsecret')),
    external_id TEXT,
    created_at  TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX food_entries_client_idx ON food_entries (org_id, client_id, day);
CREATE UNIQUE INDEX food_entries_source_key ON food_entries (org_id, client_id, source, external_id)
    WHERE external_id IS NOT NULL;

ALTER TABLE care_sharing DROP CONSTRAINT care_sharing_category_check;
ALTER TABLE care_sharing ADD CONSTRAINT care_sharing_category_check
    CHECK (category IN ('mood', 'assessments', 'breathing', 'nutrition'));
