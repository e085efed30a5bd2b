package io.meridian.containertest.support;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import io.meridian.application.internal.ChangeRecorder;
import io.meridian.application.internal.DefaultKeyService;
import io.meridian.application.internal.DefaultUserService;
import io.meridian.application.internal.KeyManagerSettings;
import io.meridian.infrastructure.Resources;
import io.meridian.infrastructure.TimeSource;
import io.meridian.infrastructure.persistence.jpa.SchemaMigrator;
import io.meridian.infrastructure.security.CredentialVerifier;
import io.meridian.infrastructure.security.PasswordHasher;
import io.meridian.shared.artifact.Announcement;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The micro-deployments, built in the test JVM from the modules' own classes and jars (the
 * reactor's or the local repository's). Packages, not class lists, where a package is one unit: a
 * class added to it later comes along.
 */
public final class Archives {

  /**
   * The ejb-module's resources the control plane cannot run without: its persistence unit, its
   * configuration defaults and the Flyway migrations (all of them, whatever their number).
   */
  private static final String EJB_RESOURCES =
      "^/(META-INF/persistence\\.xml|META-INF/microprofile-config\\.properties|db/migration/.*)$";

  private static final String MIGRATIONS = "^/db/migration/.*$";

  private Archives() {}

  /**
   * The control plane's core, which every master-side test builds on: the domain, its JPA
   * repositories and schema migrator, keys, users, audit and change log, and the service
   * interfaces; no service implementation beyond users and keys, no MDB, no startup bean but the
   * schema migrator.
   */
  public static WebArchive controlPlane(String name) {
    WebArchive war =
        ShrinkWrap.create(WebArchive.class, name + ".war")
            .addPackages(true, "io.meridian.domain.model")
            .addPackages(false, "io.meridian.application")
            .addPackages(false, SchemaMigrator.class.getPackage())
            .addPackages(false, "io.meridian.infrastructure.keys")
            .addClasses(Resources.class, TimeSource.class, CredentialVerifier.class)
            .addClasses(PasswordHasher.class, ChangeRecorder.class, KeyManagerSettings.class)
            .addClasses(DefaultUserService.class, DefaultKeyService.class)
            .addClass("io.meridian.application.internal.TierReferences")
            .addClasses(Await.class, Fixtures.class, Definitions.class)
            .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    addResources(war, module(SchemaMigrator.class), EJB_RESOURCES);
    return withLibraries(war, Announcement.class, JWTClaimsSet.class).addAsLibraries(flyway());
  }

  /**
   * A gateway node's sync: the sync-mdb module whole (as the gateway WAR bundles it) and the shared
   * artifact format; the test supplies what the gateway WAR implements.
   */
  public static WebArchive gatewaySync(String name) {
    WebArchive war =
        ShrinkWrap.create(WebArchive.class, name + ".war")
            .addClasses(Await.class, Definitions.class, Schema.class)
            .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    // The master's migrations, so that the test can give the DC's database its schema.
    addResources(war, module(SchemaMigrator.class), MIGRATIONS);
    return withLibraries(war, io.meridian.sync.SyncCoordinator.class, Announcement.class)
        .addAsLibraries(flyway());
  }

  /** Copies a module's resources whose paths match {@code regex} into WEB-INF/classes. */
  private static void addResources(WebArchive war, JavaArchive module, String regex) {
    module
        .getContent(Filters.include(regex))
        .forEach(
            (path, node) -> {
              if (node.getAsset() != null) {
                war.addAsResource(node.getAsset(), path.get().substring(1));
              }
            });
  }

  private static JavaArchive[] flyway() {
    return new JavaArchive[] {
      module(Flyway.class),
      module(PostgreSQLConfigurationExtension.class),
      module(ObjectMapper.class),
      module(JsonFactory.class),
      module(JsonProperty.class)
    };
  }

  private static WebArchive withLibraries(WebArchive war, Class<?>... members) {
    for (Class<?> member : members) {
      war.addAsLibrary(module(member));
    }
    return war;
  }

  /** The jar (or, in a reactor build before packaging, the classes directory) holding a class. */
  static JavaArchive module(Class<?> member) {
    Path location;
    try {
      location = Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Cannot locate the module of " + member, e);
    }
    File file = location.toFile();
    if (Files.isDirectory(location)) {
      String name = location.getParent().getParent().getFileName() + ".jar";
      return ShrinkWrap.create(ExplodedImporter.class, name)
          .importDirectory(file)
          .as(JavaArchive.class);
    }
    return ShrinkWrap.createFromZipFile(JavaArchive.class, file);
  }
}
