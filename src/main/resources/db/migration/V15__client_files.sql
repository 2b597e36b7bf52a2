-- A file can belong to a client (documents, skin images): it follows the client through a merge and
-- is deleted when the client is erased.
ALTER TABLE files ADD COLUMN client_id UUID;
ALTER TABLE files ADD CONSTRAINT files_client_fk FOREIGN KEY (org_id, client_id) REFERENCES clients (org_id, id);
CREATE INDEX files_org_client_idx ON files (org_id, client_id, created_at DESC) WHERE client_id IS NOT NULL;
