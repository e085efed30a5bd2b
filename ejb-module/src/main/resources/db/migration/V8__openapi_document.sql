-- The OpenAPI document an API was last imported from, as the publisher gave it (JSON or YAML, at
-- most 2 MiB); null for APIs defined field by field. It is not part of the definition gateways
-- serve, so existing revisions and their hashes stay as they are.
ALTER TABLE apis ADD COLUMN openapi_document text;
