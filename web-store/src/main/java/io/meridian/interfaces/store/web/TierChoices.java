package io.meridian.interfaces.store.web;

import io.meridian.application.ThrottlingPolicyService;
import io.meridian.interfaces.common.TierView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.model.SelectItem;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The throttling policies a developer can choose for an application or a subscription, as the
 * options of a select ({@code #{tiers.items}}): the same list as {@code GET /store/api/v1/tiers}.
 */
@Named("tiers")
@RequestScoped
public class TierChoices {

  @Inject ThrottlingPolicyService policies;

  private List<SelectItem> items;

  public List<SelectItem> getItems() {
    if (items == null) {
      items =
          policies.list().stream()
              .map(TierView::of)
              .map(t -> new SelectItem(t.name(), label(t)))
              .toList();
    }
    return items;
  }

  static String label(TierView t) {
    if (t.unlimited()) {
      return t.name() + " (no limit)";
    }
    return t.name() + " (" + t.requestCount() + " requests per " + per(t.unitSeconds()) + ")";
  }

  private static String per(int seconds) {
    if (seconds == 1) {
      return "second";
    }
    if (seconds == 60) {
      return "minute";
    }
    if (seconds == 3600) {
      return "hour";
    }
    if (seconds == 86400) {
      return "day";
    }
    return seconds + " s";
  }
}
