/** JSON-P, looked up once. */
package io.meridian.shared.json;
