/** Users' credentials: password hashing and the Jakarta Security identity store. */
package io.meridian.infrastructure.security;
