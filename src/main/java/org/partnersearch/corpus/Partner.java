package org.partnersearch.corpus;

import java.util.List;

/**
 * One cooperation partner, as validated from {@code corpus/partners/<id>.yaml}.
 *
 * <p>{@code city} and {@code website} may be null; lists are never null.
 */
public record Partner(
    String id,
    String name,
    String nameEn,
    List<String> aliases,
    String type,
    String city,
    List<String> researchAreas,
    List<String> hzdrInstitutes,
    List<Contact> contacts,
    String website,
    LocalizedText description) {

  public Partner {
    aliases = List.copyOf(aliases);
    researchAreas = List.copyOf(researchAreas);
    hzdrInstitutes = List.copyOf(hzdrInstitutes);
    contacts = List.copyOf(contacts);
  }
}
