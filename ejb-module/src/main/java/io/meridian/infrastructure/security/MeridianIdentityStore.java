package io.meridian.infrastructure.security;

import io.meridian.application.UserService;
import io.meridian.domain.model.user.Role;
import io.meridian.domain.model.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;
import java.util.stream.Collectors;

/** The Jakarta Security identity store of Meridian's users; roles become groups. */
@ApplicationScoped
public class MeridianIdentityStore implements IdentityStore {

  @Inject UserService users;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential c)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    Optional<User> user = users.authenticate(c.getCaller(), c.getPasswordAsString());
    return user.map(
            u ->
                new CredentialValidationResult(
                    u.username(), u.roles().stream().map(Role::name).collect(Collectors.toSet())))
        .orElse(CredentialValidationResult.INVALID_RESULT);
  }
}
