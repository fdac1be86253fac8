package io.vigil.bench.page;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a page says without caring whose page it is: the probes it names ({@code
 * bench-probe-<id>} anywhere in the body — Vigil's {@code title}, Alertmanager's labels and
 * annotations) and the services it is about (Vigil's {@code service_id}, Alertmanager's {@code
 * service} label), each once per page.
 */
public final class PageBodies {

  private static final Pattern PROBE = Pattern.compile("bench-probe-(\\d+)");
  private static final Pattern SERVICE =
      Pattern.compile("\"service(?:_id)?\"\\s*:\\s*\"([^\"]+)\"");

  private PageBodies() {}

  public static Set<Long> probes(String body) {
    Set<Long> ids = new LinkedHashSet<>();
    Matcher m = PROBE.matcher(body);
    while (m.find()) {
      ids.add(Long.parseLong(m.group(1)));
    }
    return ids;
  }

  static Set<String> services(String body) {
    Set<String> ids = new LinkedHashSet<>();
    Matcher m = SERVICE.matcher(body);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }
}
