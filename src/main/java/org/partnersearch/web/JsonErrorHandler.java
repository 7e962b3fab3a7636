package org.partnersearch.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty produces itself, before a request reaches Javalin (a URI too long, headers too
 * large, a malformed request line), as {@link ApiError} JSON instead of Jetty's HTML page, and
 * never with a stack trace or a class name.
 */
final class JsonErrorHandler extends ErrorHandler {
  private final ObjectMapper mapper;

  JsonErrorHandler(ObjectMapper mapper) {
    this.mapper = mapper;
    setShowStacks(false);
    setShowMessageInTitle(false);
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
    response
        .getHeaders()
        .put(HttpHeader.CACHE_CONTROL, HttpCaching.NO_STORE); // as every error answer
    response.write(true, ByteBuffer.wrap(body(code)), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
    fields.put(HttpHeader.CACHE_CONTROL, HttpCaching.NO_STORE);
    return ByteBuffer.wrap(body(status));
  }

  /** Jetty's own reason texts only: a cause's message could name internals. */
  private byte[] body(int status) {
    String reason = HttpStatus.getMessage(status);
    String code = reason.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    String message =
        switch (status) {
          case 414 -> "the URL is too long: shorten the query";
          case 431 -> "the request headers are too large";
          case 400 -> "the request is malformed (e.g. invalid percent-encoding in the URL)";
          default -> reason;
        };
    try {
      return mapper.writeValueAsBytes(ApiError.of(status, code, message));
    } catch (JsonProcessingException e) {
      return ("{\"error\":{\"status\":" + status + "}}").getBytes(StandardCharsets.UTF_8);
    }
  }
}
