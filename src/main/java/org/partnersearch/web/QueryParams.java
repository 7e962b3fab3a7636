package org.partnersearch.web;

import io.javalin.http.Context;
import java.util.List;
import org.partnersearch.corpus.Lang;
import org.partnersearch.request.InvalidRequestException;

/** Reads query parameters, turning malformed values into {@link InvalidRequestException}s. */
final class QueryParams {
  private QueryParams() {}

  static int integer(Context ctx, String name, int fallback) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new InvalidRequestException("invalid_" + name, name + " must be a whole number");
    }
  }

  static Lang lang(Context ctx) {
    try {
      return Lang.parse(ctx.queryParam("lang"));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("invalid_lang", "lang must be en or de");
    }
  }

  static List<String> all(Context ctx, String name) {
    return ctx.queryParams(name).stream().filter(v -> !v.isBlank()).toList();
  }

  static boolean flag(Context ctx, String name) {
    String value = ctx.queryParam(name);
    return value != null && (value.equals("true") || value.equals("1"));
  }
}
