package org.partnersearch.ops;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Set;
import org.slf4j.event.KeyValuePair;

/**
 * One flat JSON object a line, as log shippers (Loki, Elasticsearch, Cloud Logging) read it: {@code
 * timestamp} in ISO-8601 (UTC), {@code level}, {@code logger}, {@code thread}, {@code message},
 * then the line's key-values as fields of their own with their Java types (the access log's {@code
 * status} and {@code ms} are numbers), and {@code exception} when there is one. Logback's own
 * {@code JsonEncoder} writes epoch milliseconds and the key-values as a list of one-key objects
 * with string values, which no shipper indexes as fields.
 */
public final class FlatJsonEncoder extends EncoderBase<ILoggingEvent> {
  /** Fields every line has; a key-value of the same name would make the object ambiguous. */
  private static final Set<String> RESERVED =
      Set.of("timestamp", "level", "logger", "thread", "message", "exception");

  private final JsonFactory json = new JsonFactory();

  @Override
  public byte[] headerBytes() {
    return null;
  }

  @Override
  public byte[] footerBytes() {
    return null;
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (JsonGenerator line = json.createGenerator(bytes)) {
      line.writeStartObject();
      line.writeStringField("timestamp", Instant.ofEpochMilli(event.getTimeStamp()).toString());
      line.writeStringField("level", event.getLevel().toString());
      line.writeStringField("logger", event.getLoggerName());
      line.writeStringField("thread", event.getThreadName());
      line.writeStringField("message", event.getFormattedMessage());
      if (event.getKeyValuePairs() != null) {
        for (KeyValuePair pair : event.getKeyValuePairs()) {
          line.writeFieldName(RESERVED.contains(pair.key) ? "kv_" + pair.key : pair.key);
          writeValue(line, pair.value);
        }
      }
      IThrowableProxy thrown = event.getThrowableProxy();
      if (thrown != null) {
        line.writeStringField("exception", ThrowableProxyUtil.asString(thrown));
      }
      line.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot happen: writing to memory", e);
    }
    bytes.write('\n');
    return bytes.toByteArray();
  }

  private static void writeValue(JsonGenerator line, Object value) throws IOException {
    if (value == null) {
      line.writeNull();
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      line.writeNumber(((Number) value).longValue());
    } else if ((value instanceof Double || value instanceof Float)
        && Double.isFinite(((Number) value).doubleValue())) {
      line.writeNumber(((Number) value).doubleValue());
    } else if (value instanceof Boolean b) {
      line.writeBoolean(b);
    } else {
      line.writeString(value.toString());
    }
  }
}
