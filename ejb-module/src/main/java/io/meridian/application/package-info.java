/**
 * The use cases of the control plane as service interfaces; the web modules call these and never
 * the repositories. Implementations live in {@code application.internal}.
 */
package io.meridian.application;
