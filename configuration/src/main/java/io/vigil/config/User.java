package io.vigil.config;

import java.util.List;
import java.util.Optional;

/** A person Vigil can page, with the ways to reach them and the order to use them in. */
public record User(
    String id,
    String name,
    String timeZone,
    List<ContactMethod> contactMethods,
    NotificationRules notificationRules) {

  public User {
    contactMethods = contactMethods == null ? List.of() : List.copyOf(contactMethods);
    notificationRules =
        notificationRules == null ? new NotificationRules(null, null) : notificationRules;
    timeZone = timeZone == null ? "UTC" : timeZone;
  }

  /** The user's contact method with that id. */
  public Optional<ContactMethod> contactMethod(String contactMethodId) {
    return contactMethods.stream().filter(c -> c.id().equals(contactMethodId)).findFirst();
  }
}
