/**
 * The messages of global quotas: what each gateway node reports of its use of a global limit, and
 * the shares of it the master grants each datacenter. They travel over the same broker links as
 * publications and acknowledgements, told apart by their JMS type.
 */
package io.meridian.shared.quota;
