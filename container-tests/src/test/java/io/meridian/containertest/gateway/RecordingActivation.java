package io.meridian.containertest.gateway;

import io.meridian.sync.ActiveApi;
import io.meridian.sync.ApiActivation;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Stands in for the gateway's route table: remembers what the sync last told it to serve. */
@ApplicationScoped
public class RecordingActivation implements ApiActivation {

  private volatile Map<String, ActiveApi> serving = Map.of();

  @Override
  public void activate(Map<String, ActiveApi> apis) {
    serving = Map.copyOf(apis);
  }

  public Map<String, ActiveApi> serving() {
    return serving;
  }
}
