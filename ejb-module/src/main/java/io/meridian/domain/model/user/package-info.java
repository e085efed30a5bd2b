/** People who sign in: administrators, API publishers and application developers. */
package io.meridian.domain.model.user;
