package io.meridian.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** {@link Replica} over JDBC, read-only. */
public final class JdbcReplica implements Replica {

  /** How long the position query may run: it is read for operators, who must not wait on it. */
  private static final int POSITION_TIMEOUT_SECONDS = 2;

  private final DataSource dataSource;

  public JdbcReplica(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Optional<String> artifactKey(String kid) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT public_key FROM artifact_signing_keys WHERE kid = ?")) {
      s.setString(1, kid);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  @Override
  public boolean hasReplayed(String lsn) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT NOT pg_is_in_recovery()"
                    + " OR pg_wal_lsn_diff(pg_last_wal_replay_lsn(), ?::pg_lsn) >= 0")) {
      s.setString(1, lsn);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  @Override
  public ReplicaPosition position() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn()::text,"
                    + " extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp())")) {
      s.setQueryTimeout(POSITION_TIMEOUT_SECONDS);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        if (!rs.getBoolean(1)) {
          return ReplicaPosition.PRIMARY;
        }
        String lsn = rs.getString(2);
        double lag = rs.getDouble(3);
        return new ReplicaPosition(true, lsn == null ? "" : lsn, rs.wasNull() ? -1 : lag);
      }
    }
  }

  @Override
  public long visibleManifestRevision() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT coalesce(max(id), 0) FROM publication_outbox WHERE published_at IS NOT NULL");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
