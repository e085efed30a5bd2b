/**
 * Log records with named fields (API, node, revision, ...), which Payara's JSON log formatter
 * writes as fields of the record's JSON object.
 */
package io.meridian.shared.log;
