package io.vigil.ticketstore.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Duration;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * The console's live feed as server-sent events: {@code incidents} (the changed ids) for the list,
 * or, with {@code ?incident=}, {@code incident} whenever that one incident changes. Each stream
 * opens with one such event, so a page reloads its live part on every (re)connection and misses
 * nothing that changed while it was not connected; a {@code ping} every 20 seconds keeps proxies
 * from closing an idle stream.
 */
@Hidden
@Controller
public class EventsController {

  private final LiveIncidents live;

  public EventsController(LiveIncidents live) {
    this.live = live;
  }

  @Get(value = "/events", produces = MediaType.TEXT_EVENT_STREAM)
  public Publisher<Event<String>> events(@QueryValue @Nullable String incident) {
    Flux<Event<String>> changes =
        incident == null || incident.isBlank()
            ? live.changes()
                .map(ids -> Event.of(String.join(" ", ids)).name("incidents"))
                .startWith(Event.of("").name("incidents"))
            : live.changes()
                .filter(ids -> ids.contains(incident))
                .map(ids -> Event.of(incident).name("incident"))
                .startWith(Event.of(incident).name("incident"));
    Flux<Event<String>> pings =
        Flux.interval(Duration.ofSeconds(20)).map(n -> Event.of("").name("ping"));
    return Flux.merge(changes, pings);
  }
}
