/**
 * The master's services and MDBs in a Payara Server domain (started without the EAR by
 * scripts/master-domain.sh --no-ear), each test class with a micro-deployment of only what it
 * tests, against the domain's real PostgreSQL pool, resource adapter and broker.
 */
package io.meridian.containertest.master;
