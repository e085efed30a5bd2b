package io.meridian.sync;

import java.util.Optional;

/** What the sync asks of the DC's database (a hot standby, or the master's primary). */
public interface Replica {

  /** The base64 X.509 Ed25519 public key with this id, if replicated. */
  Optional<String> artifactKey(String kid) throws Exception;

  /** Whether this database has replayed the master's WAL up to {@code lsn} (a primary has). */
  boolean hasReplayed(String lsn) throws Exception;

  /** The highest manifest revision whose publication this database can see. */
  long visibleManifestRevision() throws Exception;

  /** Where this database stands in the master's WAL (for operators; never on a request path). */
  ReplicaPosition position() throws Exception;
}
