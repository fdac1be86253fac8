package io.vigil.config;

import java.util.List;

/** A named group of users; paging a team pages every member. */
public record Team(String id, String name, List<String> members) {

  public Team {
    members = members == null ? List.of() : List.copyOf(members);
  }
}
