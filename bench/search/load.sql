-- 1,000,000 search documents in the bench organization and 100,000 in another, shaped like a studio's index:
-- seven in ten clients (names from 60 first names with accents and 1,800 generated surnames, an email each),
-- products, classes, and messages of conversations the bench user is in. Then the title words for typo correction.
-- psql -v org=<uuid> -v other=<uuid> -v uid=<uuid> -f bench/search/load.sql
\set ON_ERROR_STOP on
CREATE TEMP TABLE first_names AS
SELECT row_number() OVER () - 1 AS n, v FROM unnest(ARRAY[
  'Anna','Jürgen','John','Johanna','Zoë','José','Øyvind','Léa','Mia','Noah','Ben','Emma','Lukas','Sofía','Chloé',
  'Mateo','Björn','Ingrid','Małgorzata','Ana','Paul','Paula','Jonas','Lena','Felix','Hannah','Élodie','Nils','Sven',
  'Marta','Kai','Luis','Clara','Oscar','Olga','Ivan','Yusuf','Aylin','Mehmet','Fatma','Giulia','Luca','Marco',
  'Sara','David','Daniel','Laura','Julia','Tom','Tim','Max','Maximilian','Sophie','Marie','Emil','Ida','Frida',
  'Astrid','Rosa','Pia']) AS v;
CREATE TEMP TABLE surname_heads AS
SELECT row_number() OVER () - 1 AS n, v FROM unnest(ARRAY[
  'Müll','Schm','Berg','Lind','Ander','Johans','Nieder','Hof','Schwarz','Weiß','Krü','Bäck','Öst','Sand','Holm',
  'Fisch','Wag','Beck','Schul','Kel','Rich','Klein','Wolf','Neum','Braun','Zimm','Hart','Lang','Kraus','Wern',
  'Lehm','Jäg','Fuchs','Vogel','Frank','Sommer','Winter','Hahn','Roth','Keller','Huber','Mayer','Moser','Gruber',
  'Bauer','Pichl','Stein','Brand','Fried','Dahl','Ek','Gran','Hag','Lund','Nord','Sjö','Strand','Wall','Åk','Ny']) AS v;
CREATE TEMP TABLE surname_tails AS
SELECT row_number() OVER () - 1 AS n, v FROM unnest(ARRAY[
  'er','idt','mann','ström','qvist','son','sen','meier','bauer','berg','gren','ling','ner','ke','el','ert','inger',
  'hardt','feld','stedt','holm','dahl','lund','vik','by','borg','hagen','rich','ow','ski']) AS v;

INSERT INTO search_documents (org_id, doc_type, doc_id, title, subtitle, body, link, audience, participants)
SELECT CASE WHEN g <= 1000000 THEN CAST(:'org' AS uuid) ELSE CAST(:'other' AS uuid) END,
       k.doc_type, gen_random_uuid(), k.title, k.subtitle, k.body, '/api/v1/bench/' || g, k.audience, k.participants
FROM generate_series(1, 1100000) g
CROSS JOIN LATERAL (
    SELECT f.v AS first, h.v || t.v AS last
    FROM first_names f, surname_heads h, surname_tails t
    WHERE f.n = g % 60 AND h.n = (g / 60) % 60 AND t.n = (g / 3600) % 30
) p
CROSS JOIN LATERAL (
    SELECT CASE WHEN g % 10 < 7 THEN 'client' WHEN g % 10 = 7 THEN 'product' WHEN g % 10 = 8 THEN 'message'
                ELSE 'class_type' END AS doc_type,
           CASE WHEN g % 10 < 7 THEN p.first || ' ' || p.last
                WHEN g % 10 = 7 THEN 'Cork Yoga Mat ' || p.last
                WHEN g % 10 = 8 THEN 'Chat with ' || p.first
                ELSE p.last || ' Flow' END AS title,
           CASE WHEN g % 10 < 7 THEN lower(p.first) || '.' || lower(p.last) || g || '@example.test'
                WHEN g % 10 = 7 THEN 'SKU-' || g END AS subtitle,
           CASE WHEN g % 10 = 8 THEN 'See you at the ' || p.last || ' class on Tuesday, bring your mat'
                WHEN g % 10 = 9 THEN 'A slow flow for every level' END AS body,
           CASE WHEN g % 10 = 8 THEN 'participants' WHEN g % 10 IN (7, 9) THEN 'everyone' ELSE 'staff' END AS audience,
           CASE WHEN g % 10 = 8 THEN ARRAY[CAST(:'uid' AS uuid)] ELSE '{}'::uuid[] END AS participants
) k;

INSERT INTO search_terms (org_id, term)
SELECT DISTINCT d.org_id, w.term
FROM search_documents d,
     unnest(regexp_split_to_array(immutable_unaccent(lower(d.title)), '[^[:alnum:]]+')) AS w (term)
WHERE d.org_id IN (CAST(:'org' AS uuid), CAST(:'other' AS uuid)) AND length(w.term) >= 3
ON CONFLICT DO NOTHING;

-- the queries both sides draw from: typeahead prefixes, names with and without accents, one or two typos
CREATE TABLE bench_search_queries (n int PRIMARY KEY, q text NOT NULL);
INSERT INTO bench_search_queries (n, q)
SELECT row_number() OVER (), q FROM unnest(ARRAY[
  'jo', 'an', 'mül', 'mueller', 'muller', 'jonh', 'schmidt', 'anna schm', 'jürgen berg', 'lindqvist', 'zoe',
  'andersn', 'cork', 'smiht', 'osc', 'björn holmström', 'sofia', 'chat with', 'frida nordvik', 'beckr']) AS q;
ANALYZE search_documents;
ANALYZE search_terms;
