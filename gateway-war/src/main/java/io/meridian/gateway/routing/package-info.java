/**
 * The immutable route table: published APIs by context and version, and their operations by method
 * and URI template. Built once per change, swapped atomically, free of persistence types.
 */
package io.meridian.gateway.routing;
