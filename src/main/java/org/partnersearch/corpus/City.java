package org.partnersearch.corpus;

/**
 * A city a partner can be based in, from {@code corpus/cities.yaml}. Partner files name it by its
 * German name, which is therefore also its value in the city facet and in URLs.
 */
public record City(LocalizedText name, Coordinates coordinates) {

  /** The German name: what a partner's {@code city} says. */
  public String key() {
    return name.de();
  }
}
