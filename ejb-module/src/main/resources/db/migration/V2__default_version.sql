-- An API may be marked as its context's default version: gateways then also serve it without
-- the version segment (/pizza/menu as well as /pizza/1.0/menu).
ALTER TABLE apis ADD COLUMN default_version boolean NOT NULL DEFAULT false;
