package org.partnersearch.web;

import io.javalin.http.Context;
import java.util.List;

/**
 * Who a request comes from, for rate limits: the connection's address, or, when that is a trusted
 * reverse proxy, the nearest address in {@code X-Forwarded-For} that is not one. A client can put
 * anything into that header, so it is believed only from the configured proxies.
 */
final class ClientAddress {
  private final List<String> trustedProxies;

  ClientAddress(List<String> trustedProxies) {
    this.trustedProxies = trustedProxies;
  }

  /** Whether the request came through a trusted proxy, whose forwarding headers may be believed. */
  boolean viaTrustedProxy(Context ctx) {
    return trustedProxies.contains(ctx.req().getRemoteAddr());
  }

  String of(Context ctx) {
    String remote = ctx.req().getRemoteAddr();
    String forwarded = ctx.header("X-Forwarded-For");
    if (forwarded == null || !trustedProxies.contains(remote)) {
      return remote;
    }
    String[] hops = forwarded.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].trim();
      if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
        return hop;
      }
    }
    return remote;
  }
}
