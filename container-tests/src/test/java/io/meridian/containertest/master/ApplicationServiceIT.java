package io.meridian.containertest.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.application.ApplicationService;
import io.meridian.application.UserService;
import io.meridian.application.internal.DefaultApplicationService;
import io.meridian.containertest.support.Archives;
import io.meridian.containertest.support.Fixtures;
import io.meridian.domain.model.application.Application;
import io.meridian.domain.model.application.GrantType;
import io.meridian.domain.model.shared.DomainException;
import io.meridian.infrastructure.Resources;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/** A developer's applications: stored for their owner, invisible and untouchable to others. */
@ExtendWith(ArquillianExtension.class)
class ApplicationServiceIT {

  @Deployment
  static WebArchive deployment() {
    return Archives.controlPlane("application-service").addClasses(DefaultApplicationService.class);
  }

  @Inject UserService users;
  @Inject ApplicationService applications;

  @Resource(lookup = Resources.DATA_SOURCE)
  DataSource database;

  @Test
  void createsAnApplicationForItsSubscriber() throws SQLException {
    String owner = Fixtures.subscriber(users, "app-owner");

    Application app = applications.create(owner, "Weather board", "Shows the weather", null);

    assertEquals(Optional.of(List.of(owner, "Weather board", "Shows the weather")), row(app.id()));
    assertEquals(
        List.of(app.id()), applications.list(owner).stream().map(Application::id).toList());
    assertEquals("Unlimited", applications.get(owner, app.id()).tier());
  }

  @Test
  void anotherSubscriberCanNeitherSeeNorEditIt() throws SQLException {
    String owner = Fixtures.subscriber(users, "app-owner");
    String other = Fixtures.subscriber(users, "app-other");
    Application app = applications.create(owner, "Private board", "Mine", null);

    assertTrue(applications.list(other).isEmpty(), "the other's list is empty");
    assertNotFound(() -> applications.get(other, app.id()));
    assertNotFound(() -> applications.update(other, app.id(), "Taken over", "Theirs", null));
    assertNotFound(() -> applications.delete(other, app.id()));
    assertNotFound(
        () -> applications.generateKeys(other, app.id(), EnumSet.of(GrantType.CLIENT_CREDENTIALS)));

    assertEquals(Optional.of(List.of(owner, "Private board", "Mine")), row(app.id()));
    assertEquals("Private board", applications.get(owner, app.id()).name());
  }

  private static void assertNotFound(Executable call) {
    DomainException e = assertThrows(DomainException.class, call);
    assertEquals("application_not_found", e.code());
  }

  /** The stored application (owner, name, description), read past the persistence unit. */
  private Optional<List<String>> row(String id) throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT owner, name, description FROM applications WHERE id = ?")) {
      s.setString(1, id);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next()
            ? Optional.of(List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
            : Optional.empty();
      }
    }
  }
}
