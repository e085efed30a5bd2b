package io.meridian.domain.model.token;

/** ACTIVE keys sign new tokens; RETIRED keys only verify tokens issued before a rotation. */
public enum SigningKeyState {
  ACTIVE,
  RETIRED
}
