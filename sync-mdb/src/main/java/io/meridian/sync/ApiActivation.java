package io.meridian.sync;

import java.util.Map;

/** Implemented by the gateway: serve exactly these APIs from now on (keyed by API id). */
public interface ApiActivation {

  void activate(Map<String, ActiveApi> apis);
}
