package io.meridian.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.meridian.domain.model.api.ApiState;
import io.meridian.shared.artifact.ArtifactState;
import org.junit.jupiter.api.Test;

class PublicationStepsTest {

  @Test
  void everyPublishableApiStateHasTheArtifactStateOfTheSameName() {
    for (ApiState state : ApiState.values()) {
      if (state == ApiState.CREATED) {
        assertThrows(
            IllegalStateException.class, () -> PublicationSteps.artifactState(state.name()));
      } else {
        assertEquals(state.name(), PublicationSteps.artifactState(state.name()).name());
      }
    }
    assertEquals(ArtifactState.BLOCKED, PublicationSteps.artifactState("BLOCKED"));
  }
}
