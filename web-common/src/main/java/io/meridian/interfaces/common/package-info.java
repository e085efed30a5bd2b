/**
 * What the publisher and store web modules share: one JSON problem shape for every error, role
 * checks for resources, and the authentication of users with HTTP Basic credentials.
 */
package io.meridian.interfaces.common;
