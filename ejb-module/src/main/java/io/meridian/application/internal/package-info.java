/**
 * Stateless session beans implementing the application services: each loads aggregates, calls their
 * domain methods, stores them and records the change, in one transaction.
 */
package io.meridian.application.internal;
