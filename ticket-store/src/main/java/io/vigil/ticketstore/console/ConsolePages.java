package io.vigil.ticketstore.console;

import io.vigil.ticketstore.auth.Role;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What every console page shares: its title, who is signed in and whether they may act, the CSRF
 * token each form carries, and where the WebJars' scripts are (their versions read from the jars on
 * the class path, so a version bump in the POM needs no template change).
 */
@Singleton
public class ConsolePages {

  private final String htmx;
  private final String htmxSse;

  public ConsolePages() {
    this.htmx = "/webjars/htmx.org/" + webJarVersion("htmx.org") + "/dist/htmx.min.js";
    this.htmxSse = "/webjars/htmx-ext-sse/" + webJarVersion("htmx-ext-sse") + "/sse.js";
  }

  /** The model every page starts from; {@code session} is null on the sign-in page. */
  public Map<String, Object> base(String title, ConsoleSessions.Session session) {
    Map<String, Object> model = new HashMap<>();
    model.put("title", title);
    model.put("htmxJs", htmx);
    model.put("htmxSseJs", htmxSse);
    if (session != null) {
      model.put("user", session.caller().name());
      model.put("role", session.caller().role().label());
      model.put("canAct", session.caller().role().includes(Role.RESPONDER));
      model.put("csrf", session.csrfToken());
    }
    return model;
  }

  /** Refuses a form without the session's CSRF token, or from a viewer when it acts. */
  public void requireCsrf(ConsoleSessions.Session session, Map<String, String> form) {
    if (!ConsoleSessions.csrfMatches(session, form.get("_csrf"))) {
      throw new ConsoleRejected(
          403, "this form is out of date or was not sent from Vigil; reload the page and retry");
    }
  }

  /** Refuses an action to a session whose token is only a viewer. */
  public void requireResponder(ConsoleSessions.Session session) {
    if (!session.caller().role().includes(Role.RESPONDER)) {
      throw new ConsoleRejected(
          403,
          "token '"
              + session.caller().name()
              + "' has role viewer; acting on incidents needs a responder token");
    }
  }

  private static String webJarVersion(String artifact) {
    String path = "META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
    try (InputStream in = ConsolePages.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(
            "the WebJar org.webjars.npm:" + artifact + " is missing from the class path");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
