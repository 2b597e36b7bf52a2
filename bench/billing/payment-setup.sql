-- Per transaction: a client of the 1,000, and the values the API would have bound for them.
\set n random(1, 1000)
SELECT @SETUP_COLUMNS@ FROM bench_clients c WHERE c.n = :n \gset
