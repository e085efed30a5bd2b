-- The manifest is written after the announcement, off the path to a gateway's first 200: which
-- published outbox entries a written manifest covers yet. Entries published before this version
-- had their manifest written with them.
ALTER TABLE publication_outbox ADD COLUMN manifest_at TIMESTAMPTZ;
UPDATE publication_outbox SET manifest_at = published_at WHERE published_at IS NOT NULL;
CREATE INDEX publication_outbox_unlisted ON publication_outbox (id)
    WHERE published_at IS NOT NULL AND manifest_at IS NULL;
