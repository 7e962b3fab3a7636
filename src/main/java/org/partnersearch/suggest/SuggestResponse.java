package org.partnersearch.suggest;

import java.util.List;

/** The answer to a {@link SuggestRequest}, best first; its JSON form is the widget's contract. */
public record SuggestResponse(String query, List<Suggestion> suggestions) {
  public SuggestResponse {
    suggestions = List.copyOf(suggestions);
  }
}
