package io.meridian.gateway.replica;

import io.meridian.gateway.state.ControlPlaneSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;

/** Makes the read-only persistence unit the node's {@link ControlPlaneSource}. */
@ApplicationScoped
public class ReplicaSourceProducer {

  @PersistenceUnit(unitName = JpaControlPlaneSource.UNIT)
  EntityManagerFactory replica;

  @Produces
  @ApplicationScoped
  ControlPlaneSource source() {
    return new JpaControlPlaneSource(replica);
  }
}
