package org.partnersearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnersearch.search.UserQuery.Group;
import org.partnersearch.search.UserQuery.Term;

class UserQueryParserTest {
  private final UserQueryParser parser = new UserQueryParser();

  private static Group g(Term... alternatives) {
    return new Group(List.of(alternatives));
  }

  private static Term w(String text) {
    return new Term(text, false);
  }

  private static Term p(String text) {
    return new Term(text, true);
  }

  @Test
  void wordsPhrasesExclusionsAndOr() {
    UserQuery q =
        parser.parse("Endlager \"repository research\" -Kerntechnik Chemnitz OR Freiberg");
    assertEquals(
        List.of(g(w("Endlager")), g(p("repository research")), g(w("Chemnitz"), w("Freiberg"))),
        q.required());
    assertEquals(List.of(w("Kerntechnik")), q.excluded());
  }

  @Test
  void anUnbalancedQuoteQuotesToTheEnd() {
    assertEquals(List.of(g(w("a")), g(p("b c"))), parser.parse("a \"b c").required());
  }

  @Test
  void loneOperatorsAreIgnored() {
    assertEquals(List.of(g(w("a"))), parser.parse("OR a OR").required());
    assertEquals(List.of(g(w("a"))), parser.parse("- a").required());
    assertEquals(List.of(), parser.parse("\"\" -").required());
  }

  @Test
  void luceneSyntaxIsPlainText() {
    assertEquals(
        List.of(g(w("title:foo*")), g(w("(a")), g(w("b)~2"))),
        parser.parse("title:foo* (a b)~2").required());
  }

  @Test
  void hyphensInsideWordsAreNotExclusions() {
    UserQuery q = parser.parse("Öko-Institut DIGS-BB");
    assertEquals(List.of(g(w("Öko-Institut")), g(w("DIGS-BB"))), q.required());
    assertEquals(List.of(), q.excluded());
  }

  @Test
  void deepNestingIsJustCharacters() {
    String deep = "(".repeat(10_000) + "x" + ")".repeat(10_000);
    assertEquals(1, parser.parse(deep).required().size());
  }
}
