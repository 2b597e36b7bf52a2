-- Per transaction: the next client-session pair of this connection (never one booked before in
-- this phase: idx = k + client_id, k grows by the connection count), and the values the API would
-- have bound for it. -D: kind, nclients, nsessions, nconn, k (the phase's first index).
\set k :k + :nconn
\set idx :k + :client_id
\set n :idx % :nclients + 1
\set s (:idx / :nclients + :idx) % :nsessions + 1
SELECT @SETUP_COLUMNS@ FROM bench_clients c JOIN bench_sessions s ON s.kind = :kind AND s.n = :s JOIN class_sessions cs ON cs.id = s.id WHERE c.n = :n \gset
