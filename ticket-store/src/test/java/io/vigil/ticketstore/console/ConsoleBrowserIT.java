package io.vigil.ticketstore.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.vigil.schemas.CommandAction;
import io.vigil.schemas.IncidentClass;
import io.vigil.schemas.IncidentCommand;
import io.vigil.schemas.Priority;
import io.vigil.schemas.topic.Topics;
import io.vigil.testkit.KafkaStack;
import io.vigil.testkit.WithKafkaStack;
import io.vigil.ticketstore.Events;
import io.vigil.ticketstore.TestDatabase;
import io.vigil.ticketstore.auth.ApiTokens;
import io.vigil.ticketstore.auth.Role;
import io.vigil.ticketstore.status.PublicStatus;
import io.vigil.ticketstore.status.StatusUpdate;
import io.vigil.ticketstore.status.StatusUpdates;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The console in a real browser against a real broker, registry and database: a responder signs in,
 * sees a new incident appear without reloading, acknowledges it and sees the acknowledgement in the
 * timeline; a second person's note shows up in the first one's page live; a rejected command says
 * why; the incident is resolved and its review written; the status page (phone-sized) shows the
 * degraded service and its public update. {@link ClassifierStandIn} answers the commands as the
 * classifier does. With {@code -Dvigil.screenshots=<dir>} it also saves the pages as PNGs.
 */
@WithKafkaStack
class ConsoleBrowserIT {

  private static TestDatabase database;
  private static EmbeddedServer server;
  private static String alice;
  private static String bob;

  @BeforeAll
  static void start(KafkaStack stack) {
    database = TestDatabase.create();
    Map<String, Object> properties = database.serverProperties(stack);
    server = ApplicationContext.run(EmbeddedServer.class, properties);
    ApiTokens tokens = server.getApplicationContext().getBean(ApiTokens.class);
    alice = tokens.create("alice", Role.RESPONDER);
    bob = tokens.create("bob", Role.RESPONDER);
  }

  @AfterAll
  static void stop() throws Exception {
    server.getApplicationContext().close();
    database.close();
  }

  @Test
  void aResponderRunsAnIncidentInTheBrowserAndASecondOneSeesItLive(KafkaStack stack)
      throws Exception {
    String incident = "inc-" + UUID.randomUUID();
    String base = server.getURL().toString();
    try (Browser first = new Browser(base, 1280, 900);
        Browser second = new Browser(base, 1280, 900);
        ClassifierStandIn classifier = new ClassifierStandIn(stack)) {
      first.signIn(alice);
      moreIncidentsForScreenshots(stack);
      first.driver.executeScript("window.vigilNotReloaded = true;");
      first.await(By.cssSelector("#live-state[data-state=open]"));

      stack.send(Topics.INCIDENTS, incident, Events.opened(incident, "payments", Instant.now()));

      first.awaitText(By.id("incident-" + incident), "CPU above 90% on payments");
      assertThat(first.driver.executeScript("return window.vigilNotReloaded === true;"))
          .as("the incident appeared without a reload")
          .isEqualTo(true);
      assertThat(first.driver.findElement(By.id("incident-" + incident)).getText())
          .contains("P1", "triggered", "payments", "critical");
      screenshot(first, "console-incidents.png");

      first.driver.findElement(By.linkText("CPU above 90% on payments")).click();
      first.await(By.id("do-acknowledge")).click();
      first.awaitText(By.id("feedback"), "Acknowledge sent; waiting for Vigil to apply it…");
      IncidentCommand ack =
          classifier.answer(
              incident,
              CommandAction.ACKNOWLEDGE,
              c -> Events.acknowledgedBy(incident, c.getCommandId(), "alice", Instant.now()));
      assertThat(ack.getActor()).isEqualTo("alice");
      first.awaitText(By.id("feedback"), "Acknowledge done.");
      first.awaitText(By.id("timeline"), "acknowledged by alice");
      first.awaitText(By.id("incident-status"), "acknowledged");

      second.signIn(bob);
      second.open("/incidents/" + incident);
      second.await(By.id("note-text")).sendKeys("rolled back payments to 1.41");
      second.driver.findElement(By.id("do-note")).click();
      IncidentCommand note =
          classifier.answer(
              incident,
              CommandAction.ADD_NOTE,
              c -> Events.noteBy(incident, c.getCommandId(), "bob", c.getNote(), Instant.now()));
      assertThat(note.getActor()).isEqualTo("bob");
      first.awaitText(By.id("notes"), "rolled back payments to 1.41");
      assertThat(first.driver.findElement(By.id("notes")).getText()).contains("bob");
      second.awaitText(By.id("feedback"), "Add note done.");
      screenshot(first, "console-incident.png");

      first.driver.findElement(By.id("do-escalate")).click();
      classifier.answer(
          incident,
          CommandAction.ESCALATE,
          c ->
              Events.rejected(
                  incident,
                  c.getCommandId(),
                  "ESCALATE",
                  "alice",
                  "the incident is acknowledged; escalating it would page nobody new",
                  Instant.now()));
      first.awaitText(
          By.cssSelector("#feedback [role=alert]"),
          "Escalate now was rejected: the incident is acknowledged; escalating it would page"
              + " nobody new");

      first.driver.findElement(By.id("do-resolve")).click();
      classifier.answer(
          incident,
          CommandAction.RESOLVE,
          c -> Events.resolvedBy(incident, c.getCommandId(), "alice", Instant.now()));
      first.awaitText(By.id("incident-status"), "resolved");

      first.driver.findElement(By.linkText("Post-incident review")).click();
      first.await(By.id("summary")).sendKeys("Payments failed for 4 minutes after a CPU spike");
      first.driver.findElement(By.name("item0.description")).sendKeys("alert on CPU at 80%");
      first.driver.findElement(By.name("item0.owner")).sendKeys("alice");
      first.driver.findElement(By.id("save-review")).click();
      first.awaitText(By.cssSelector("[role=status]"), "Review saved.");
      assertThat(first.driver.findElement(By.cssSelector(".timeline")).getText())
          .contains("acknowledged by alice", "rolled back payments to 1.41", "resolved by alice");
    }
  }

  @Test
  void theStatusPageShowsTheDegradedServiceAndThePublicUpdate(KafkaStack stack) throws Exception {
    String incident = "inc-" + UUID.randomUUID();
    stack.send(
        Topics.INCIDENTS,
        incident,
        Events.openedAs(
            incident,
            "checkout",
            "Checkout latency above 2 s",
            Priority.P2,
            IncidentClass.MAJOR,
            Instant.now()));
    try (Browser phone = new Browser(server.getURL().toString(), 412, 915)) {
      awaitDegraded(phone);
      server
          .getApplicationContext()
          .getBean(StatusUpdates.class)
          .post(
              new StatusUpdate(
                  0,
                  incident,
                  PublicStatus.IDENTIFIED,
                  "Slow checkout",
                  "A slow database replica; traffic is moving to another.",
                  "alice",
                  Instant.now()));
      phone.open("/status");

      assertThat(phone.await(By.id("service-checkout")).getText())
          .contains("Checkout", "Degraded performance");
      assertThat(phone.driver.findElement(By.cssSelector(".incident")).getText())
          .contains(
              "Slow checkout",
              "Identified",
              "A slow database replica; traffic is moving to another.")
          .doesNotContain("Checkout latency above 2 s");
      assertThat(phone.driver.findElements(By.cssSelector("#service-checkout .bar"))).hasSize(90);
      screenshot(phone, "status-page.png");
    }
  }

  private static void awaitDegraded(Browser browser) {
    org.awaitility.Awaitility.await("checkout degraded on the status page")
        .atMost(Browser.WAIT)
        .until(
            () -> {
              browser.open("/status");
              return browser
                  .driver
                  .findElement(By.id("service-checkout"))
                  .getText()
                  .contains("Degraded performance");
            });
  }

  /** A fuller list for the screenshots in the README; nothing when not taking them. */
  private static void moreIncidentsForScreenshots(KafkaStack stack) {
    if (System.getProperty("vigil.screenshots") == null) {
      return;
    }
    Instant now = Instant.now();
    String[][] incidents = {
      {"storefront", "Storefront 5xx rate above 1%", "P3", "MINOR"},
      {"search", "Search index lagging 10 minutes", "P4", "MINOR"},
      {"checkout", "Checkout queue depth above 5,000", "P2", "MAJOR"}
    };
    for (int i = 0; i < incidents.length; i++) {
      String id = "inc-shot-" + i;
      stack.send(
          Topics.INCIDENTS,
          id,
          Events.openedAs(
              id,
              incidents[i][0],
              incidents[i][1],
              Priority.valueOf(incidents[i][2]),
              IncidentClass.valueOf(incidents[i][3]),
              now.minusSeconds(600L * (i + 1))));
    }
  }

  private static void screenshot(Browser browser, String name) {
    String dir = System.getProperty("vigil.screenshots");
    if (dir != null && !dir.isBlank()) {
      browser.screenshot(Path.of(dir, name));
    }
  }
}
