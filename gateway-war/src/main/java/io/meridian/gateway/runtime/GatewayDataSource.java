package io.meridian.gateway.runtime;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The database a gateway reads: configured by the system properties or environment variables {@code
 * meridian.gateway.db.url}, {@code .user} and {@code .password}.
 */
@DataSourceDefinition(
    name = GatewayDataSource.JNDI_NAME,
    className = "org.postgresql.ds.PGSimpleDataSource",
    url = "${MPCONFIG=meridian.gateway.db.url}",
    user = "${MPCONFIG=meridian.gateway.db.user}",
    password = "${MPCONFIG=meridian.gateway.db.password}",
    minPoolSize = 1,
    maxPoolSize = 4)
@ApplicationScoped
public class GatewayDataSource {

  public static final String JNDI_NAME = "java:app/jdbc/MeridianGateway";
}
