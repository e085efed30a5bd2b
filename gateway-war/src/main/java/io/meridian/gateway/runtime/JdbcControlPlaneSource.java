package io.meridian.gateway.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Reads the control plane's tables over JDBC, read-only, in one REPEATABLE READ transaction so that
 * the sequence and the data belong to the same snapshot.
 */
public final class JdbcControlPlaneSource implements ControlPlaneSource {

  private static final String LATEST_SEQUENCE = "SELECT coalesce(max(seq), 0) FROM change_log";

  private final DataSource dataSource;

  public JdbcControlPlaneSource(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public long latestSequence() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return single(c, LATEST_SEQUENCE);
    }
  }

  @Override
  public ControlPlaneData read() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      c.setReadOnly(true);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try {
        long sequence = single(c, LATEST_SEQUENCE);
        ControlPlaneData data =
            new ControlPlaneData(sequence, jwks(c), revocations(c), subscriptions(c));
        c.commit();
        return data;
      } finally {
        if (!c.getAutoCommit()) {
          c.rollback();
        }
        c.setReadOnly(false);
        c.setAutoCommit(autoCommit);
      }
    }
  }

  private static long single(Connection c, String sql) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<String> jwks(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement s =
            c.prepareStatement("SELECT public_jwk FROM signing_keys ORDER BY kid");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static Set<String> revocations(Connection c) throws SQLException {
    Set<String> out = new HashSet<>();
    try (PreparedStatement s =
            c.prepareStatement("SELECT jti FROM token_revocations WHERE expires_at > now()");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static List<SubscriptionRow> subscriptions(Connection c) throws SQLException {
    List<SubscriptionRow> out = new ArrayList<>();
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT application_id, api_id, state FROM subscriptions WHERE state <> 'UNSUBSCRIBED'");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.add(new SubscriptionRow(rs.getString(1), rs.getString(2), rs.getString(3)));
      }
    }
    return out;
  }
}
