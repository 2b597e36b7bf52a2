-- Per transaction: one query of the twenty, as the API's requests draw them.
\set n random(1, 20)
SELECT @SETUP_COLUMNS@ FROM bench_search_queries s WHERE s.n = :n \gset
