package org.partnersearch.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the visitor syntax of {@link UserQuery}. It never fails: an unbalanced quote quotes to the
 * end, a lone {@code -} or {@code OR} is ignored, and characters that are operators in Lucene's own
 * syntax ({@code * ? ~ ( ) [ ] : ^ \ /}) are plain text here, which the analyzers drop. Nothing is
 * recursive, so no input can nest deeply enough to matter.
 */
public final class UserQueryParser {

  public UserQuery parse(String input) {
    List<UserQuery.Group> required = new ArrayList<>();
    List<UserQuery.Term> excluded = new ArrayList<>();
    List<UserQuery.Term> pendingOr = null;
    boolean orNext = false;
    for (Chunk chunk : chunks(input == null ? "" : input)) {
      if (!chunk.quoted() && chunk.text().equals("-")) {
        continue; // a lone minus excludes nothing
      }
      if (!chunk.quoted() && chunk.text().equals("OR") && !chunk.negated()) {
        orNext = pendingOr != null;
        continue;
      }
      UserQuery.Term term = new UserQuery.Term(chunk.text(), chunk.quoted());
      if (chunk.negated()) {
        excluded.add(term);
        orNext = false;
        continue;
      }
      if (orNext) {
        pendingOr.add(term);
      } else {
        pendingOr = new ArrayList<>(List.of(term));
        required.add(null); // placeholder, replaced below once the group is complete
      }
      required.set(required.size() - 1, new UserQuery.Group(pendingOr));
      orNext = false;
    }
    return new UserQuery(required, excluded);
  }

  private record Chunk(String text, boolean quoted, boolean negated) {}

  private static List<Chunk> chunks(String input) {
    List<Chunk> chunks = new ArrayList<>();
    int i = 0;
    int n = input.length();
    while (i < n) {
      while (i < n && isSpace(input.charAt(i))) {
        i++;
      }
      if (i >= n) {
        break;
      }
      boolean negated = false;
      if (input.charAt(i) == '-' && i + 1 < n && !isSpace(input.charAt(i + 1))) {
        negated = true;
        i++;
      }
      if (input.charAt(i) == '"') {
        int close = input.indexOf('"', i + 1);
        int end = close < 0 ? n : close;
        String phrase = input.substring(i + 1, end).trim();
        if (!phrase.isEmpty()) {
          chunks.add(new Chunk(phrase, true, negated));
        }
        i = close < 0 ? n : close + 1;
      } else {
        int start = i;
        while (i < n && !isSpace(input.charAt(i)) && input.charAt(i) != '"') {
          i++;
        }
        chunks.add(new Chunk(input.substring(start, i), false, negated));
      }
    }
    return chunks;
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c);
  }
}
