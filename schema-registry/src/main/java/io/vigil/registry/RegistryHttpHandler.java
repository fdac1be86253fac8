package io.vigil.registry;

import com.fasterxml.jackson.databind.node.NullNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request gets a Confluent-shaped answer: the route's body, or {@code
 * {"error_code","message"}} with 404 for an unknown path, 405 for a known path with another method,
 * and 500/50001 for a failure of the store.
 */
final class RegistryHttpHandler implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(RegistryHttpHandler.class);

  private final List<RegistryRoutes.Route> routes;

  RegistryHttpHandler(SchemaRegistry registry) {
    this.routes = RegistryRoutes.all(registry);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      try {
        Object body = dispatch(exchange);
        if (body instanceof RegistryRoutes.RawSchema raw) {
          byte[] bytes = raw.text().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", HttpExchanges.CONTENT_TYPE);
          exchange.sendResponseHeaders(200, bytes.length);
          exchange.getResponseBody().write(bytes);
        } else {
          HttpExchanges.respond(exchange, 200, body);
        }
      } catch (RegistryException e) {
        if (e.status() >= 500) {
          LOG.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        }
        HttpExchanges.respondError(exchange, e);
      } catch (RuntimeException e) {
        LOG.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        HttpExchanges.respondError(
            exchange, new RegistryException(500, 500, "Internal server error: " + e, e));
      }
    } finally {
      exchange.close();
    }
  }

  private Object dispatch(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    List<String> segments = HttpExchanges.segments(exchange);
    boolean pathKnown = false;
    for (RegistryRoutes.Route route : routes) {
      List<String> params = route.match(segments);
      if (params == null) {
        continue;
      }
      pathKnown = true;
      if (route.method().equals(method)) {
        var request =
            new RegistryRoutes.Request(
                params,
                HttpExchanges.query(exchange),
                route.needsBody() ? HttpExchanges.body(exchange) : NullNode.getInstance());
        return route.action().apply(request);
      }
    }
    String where = method + " " + exchange.getRequestURI().getRawPath();
    if (pathKnown) {
      throw new RegistryException(405, 405, "HTTP 405 Method Not Allowed: " + where);
    }
    throw new RegistryException(404, 404, "HTTP 404 Not Found: no endpoint " + where);
  }
}
