-- An endpoint may list several URLs that gateways balance over. The existing url columns hold
-- them one per line, so a row written before keeps its single URL and reads back as a one-URL
-- endpoint; text because sixteen URLs of up to 2048 characters do not fit the old width.
ALTER TABLE apis ALTER COLUMN default_endpoint_url TYPE text;
ALTER TABLE api_endpoint_overrides ALTER COLUMN url TYPE text;

-- Cross-origin rules of an API; all null when it allows no cross-origin calls. The lists hold one
-- value per line.
ALTER TABLE apis
    ADD COLUMN cors_allow_origins     text,
    ADD COLUMN cors_allow_methods     text,
    ADD COLUMN cors_allow_headers     text,
    ADD COLUMN cors_expose_headers    text,
    ADD COLUMN cors_allow_credentials boolean,
    ADD COLUMN cors_max_age_seconds   integer,
    ADD CONSTRAINT apis_cors_complete CHECK (
        (cors_allow_origins IS NULL AND cors_allow_methods IS NULL AND cors_allow_headers IS NULL
         AND cors_expose_headers IS NULL AND cors_allow_credentials IS NULL
         AND cors_max_age_seconds IS NULL)
        OR (cors_allow_origins <> '' AND cors_allow_methods <> '' AND cors_allow_headers IS NOT NULL
            AND cors_expose_headers IS NOT NULL AND cors_allow_credentials IS NOT NULL
            AND cors_max_age_seconds BETWEEN 0 AND 86400));
