-- The presence sweep looks for online users untouched for a while, every 15 s: an index on just those rows.
CREATE INDEX user_presence_online_idx ON user_presence (touched_at) WHERE online;
