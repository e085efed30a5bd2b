package io.meridian.infrastructure.publication;

import io.meridian.shared.artifact.Announcement;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import java.util.Map;

/**
 * Announces publications on the announcements topic, persistent (the publication is already
 * committed; a failed send is retried by the worker). The message carries Artemis'
 * duplicate-detection id, so a repeated announcement is dropped by the brokers.
 */
@Stateless
public class JmsAnnouncer {

  private static final AnnouncementsTopic.Delivery DELIVERY =
      new AnnouncementsTopic.Delivery(null, true, 0);

  @Inject AnnouncementsTopic topic;

  public void announce(Announcement announcement) throws JMSException {
    topic.send(
        announcement.toJson(),
        DELIVERY,
        Map.of(
            "_AMQ_DUPL_ID",
            "publication-" + announcement.manifestRevision(),
            "apiId",
            announcement.apiId()));
  }
}
