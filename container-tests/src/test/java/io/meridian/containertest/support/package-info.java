/**
 * What the container tests share: the micro-deployments they are built from ({@link
 * io.meridian.containertest.support.Archives}, test JVM only) and the helpers that run inside the
 * container with them (polling with a timeout, API definitions, the schema).
 */
package io.meridian.containertest.support;
