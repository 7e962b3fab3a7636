package org.partnersearch.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.List;
import org.partnersearch.corpus.Coordinates;
import org.partnersearch.search.FacetResults;
import org.partnersearch.search.MatchReason;
import org.partnersearch.search.SearchHit;
import org.partnersearch.suggest.Suggestion;

/**
 * The ObjectMapper of the API. The JSON shape is decided here, not in the records it writes: the
 * search layer stays free of Jackson, and the mix-ins below say where a null is left out.
 */
public final class JsonMappers {
  private JsonMappers() {}

  /**
   * Dates as ISO-8601 strings, and {@code < > & '} written as {@code \u003C}-style escapes: the
   * values clients parse are unchanged, but no response body ever carries raw markup, even where it
   * echoes what a visitor typed.
   */
  public static ObjectMapper api() {
    ObjectMapper mapper =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule().addSerializer(Suggestion.Kind.class, new KindCode()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .addMixIn(SearchHit.class, SearchHitJson.class)
            .addMixIn(FacetResults.FacetValue.class, FacetValueJson.class);
    mapper.getFactory().setCharacterEscapes(new HtmlSafeEscapes());
    return mapper;
  }

  /**
   * A suggestion's kind in lower case ({@code "partner"}), as the widget and the OpenAPI
   * description have it.
   */
  private static final class KindCode extends StdSerializer<Suggestion.Kind> {
    KindCode() {
      super(Suggestion.Kind.class);
    }

    @Override
    public void serialize(Suggestion.Kind kind, JsonGenerator out, SerializerProvider provider)
        throws IOException {
      out.writeString(kind.code());
    }
  }

  /** {@code explain} only when it was asked for. */
  private abstract static class SearchHitJson {
    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract List<MatchReason> explain();
  }

  /** {@code coordinates} only on the city facet's values. */
  private abstract static class FacetValueJson {
    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract Coordinates coordinates();
  }

  private static final class HtmlSafeEscapes extends CharacterEscapes {
    private final int[] escapes;

    HtmlSafeEscapes() {
      escapes = CharacterEscapes.standardAsciiEscapesForJSON();
      for (char c : new char[] {'<', '>', '&', '\''}) {
        escapes[c] = CharacterEscapes.ESCAPE_STANDARD;
      }
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return escapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return null;
    }
  }
}
