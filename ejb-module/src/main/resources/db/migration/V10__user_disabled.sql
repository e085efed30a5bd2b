-- An administrator can disable an account: it can no longer sign in (pages, HTTP Basic, the OAuth2
-- password grant), and its open browser sessions end at their next request. Null: enabled.
ALTER TABLE users ADD COLUMN disabled_at TIMESTAMP WITH TIME ZONE;
