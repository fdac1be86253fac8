package io.vigil.notifier.notify.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Refuses user-configured URLs that resolve to loopback, private, link-local (cloud metadata),
 * carrier-grade NAT, unspecified or multicast addresses, unless the host or address is on the
 * operator's allow-list; only http and https are accepted. It answers with the addresses it
 * checked, and the request must go to one of those (no second lookup), so DNS cannot be rebound in
 * between.
 */
public final class SsrfGuard {

  /** Resolves a host name to every address it has. */
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /**
   * What the guard decided for one URL.
   *
   * @param refusal why the URL must not be called, or null when it may be
   * @param host the URL's host as written (for the Host header and TLS), without brackets
   * @param addresses the checked addresses the request may connect to (empty when refused)
   */
  public record Verdict(String refusal, String host, List<InetAddress> addresses) {

    static Verdict refused(String why) {
      return new Verdict(why, null, List.of());
    }

    public boolean allowed() {
      return refusal == null;
    }
  }

  private final List<String> allowedHosts = new ArrayList<>();
  private final List<Cidr> allowedNets = new ArrayList<>();
  private final Resolver resolver;

  /**
   * @param allow host names ({@code hooks.internal}), addresses ({@code 10.1.2.3}), networks
   *     ({@code 10.20.0.0/16}, {@code fd00::/8}) or {@code loopback} (127.0.0.0/8, ::1, localhost)
   *     that may be reached although they are internal
   */
  public SsrfGuard(List<String> allow, Resolver resolver) {
    this.resolver = resolver;
    for (String entry : allow) {
      String e = entry.trim();
      if (e.isEmpty() || e.equalsIgnoreCase("none")) {
        continue;
      }
      if (e.equalsIgnoreCase("loopback")) {
        allowedNets.add(Cidr.parse("127.0.0.0/8"));
        allowedNets.add(Cidr.parse("::1/128"));
        allowedHosts.add("localhost");
        continue;
      }
      if (e.contains("/") || e.contains(":")) {
        allowedNets.add(Cidr.parse(e));
      } else if (e.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
        allowedNets.add(Cidr.parse(e + "/32"));
      } else {
        allowedHosts.add(e.toLowerCase(Locale.ROOT));
      }
    }
  }

  /** A guard resolving through the system resolver. */
  public SsrfGuard(List<String> allow) {
    this(allow, InetAddress::getAllByName);
  }

  /** Why {@code url} must not be called, or empty when it may be. */
  public Optional<String> refusal(URI url) {
    return Optional.ofNullable(check(url).refusal());
  }

  /**
   * Resolves {@code url}'s host once and decides: refused, or allowed at the addresses checked —
   * the only ones the request may connect to.
   */
  public Verdict check(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Verdict.refused("refused " + url + ": only http and https URLs are called");
    }
    String host = url.getHost();
    if (host == null || host.isBlank()) {
      return Verdict.refused("refused " + url + ": no host");
    }
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(bare);
    } catch (UnknownHostException e) {
      return Verdict.refused("cannot resolve " + bare);
    }
    if (addresses == null || addresses.length == 0) {
      return Verdict.refused("cannot resolve " + bare);
    }
    if (allowedHosts.contains(bare.toLowerCase(Locale.ROOT))) {
      return new Verdict(null, bare, List.of(addresses));
    }
    for (InetAddress a : addresses) {
      if (allowedNets.stream().anyMatch(n -> n.contains(a))) {
        continue;
      }
      Optional<String> kind = internalKind(a);
      if (kind.isPresent()) {
        return Verdict.refused(
            "refused "
                + url
                + ": "
                + bare
                + " resolves to "
                + a.getHostAddress()
                + ", a "
                + kind.get()
                + " address; an operator can allow it with VIGIL_NOTIFIER_SSRF_ALLOW");
      }
    }
    return new Verdict(null, bare, List.of(addresses));
  }

  /** What kind of internal address {@code a} is, or empty for a public one. */
  static Optional<String> internalKind(InetAddress a) {
    if (a.isLoopbackAddress()) {
      return Optional.of("loopback");
    }
    if (a.isAnyLocalAddress()) {
      return Optional.of("unspecified");
    }
    if (a.isLinkLocalAddress()) {
      return Optional.of("link-local (cloud metadata)");
    }
    if (a.isSiteLocalAddress()) {
      return Optional.of("private");
    }
    if (a.isMulticastAddress()) {
      return Optional.of("multicast");
    }
    byte[] b = a.getAddress();
    if (b.length == 4) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      if (first == 0) {
        return Optional.of("unspecified");
      }
      if (first == 100 && second >= 64 && second < 128) {
        return Optional.of("carrier-grade NAT");
      }
      if (first == 198 && (second == 18 || second == 19)) {
        return Optional.of("benchmarking");
      }
    } else if ((b[0] & 0xfe) == 0xfc) {
      return Optional.of("private (unique local)");
    }
    return Optional.empty();
  }

  /** An address network such as {@code 10.0.0.0/8}. */
  record Cidr(byte[] network, int bits) {

    static Cidr parse(String text) {
      String[] parts = text.split("/", 2);
      try {
        byte[] address = InetAddress.getByName(parts[0]).getAddress();
        int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
        if (bits < 0 || bits > address.length * 8) {
          throw new IllegalArgumentException("prefix length out of range in '" + text + "'");
        }
        return new Cidr(address, bits);
      } catch (UnknownHostException | NumberFormatException e) {
        throw new IllegalArgumentException(
            "VIGIL_NOTIFIER_SSRF_ALLOW: '" + text + "' is not an address or network", e);
      }
    }

    boolean contains(InetAddress a) {
      byte[] b = a.getAddress();
      if (b.length != network.length) {
        return false;
      }
      for (int i = 0; i < bits; i++) {
        int mask = 0x80 >> (i % 8);
        if ((b[i / 8] & mask) != (network[i / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }
}
