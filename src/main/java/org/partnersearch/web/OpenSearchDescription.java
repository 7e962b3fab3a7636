package org.partnersearch.web;

/**
 * The OpenSearch 1.1 description document: the search page and the suggestions URL, so browsers can
 * add partner-search as a search engine with live suggestions.
 */
final class OpenSearchDescription {
  static final String NAMESPACE = "http://a9.com/-/spec/opensearch/1.1/";
  private static final String MOZ_NAMESPACE = "http://www.mozilla.org/2006/browser/search/";

  private OpenSearchDescription() {}

  /**
   * The document for a server reached at {@code origin} ("https://host:port"), which is
   * XML-escaped.
   */
  static String xml(String origin) {
    String o = escape(origin);
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <OpenSearchDescription xmlns="%s" xmlns:moz="%s">
          <ShortName>partner-search</ShortName>
          <Description>Search the research centre's cooperation partners</Description>
          <InputEncoding>UTF-8</InputEncoding>
          <OutputEncoding>UTF-8</OutputEncoding>
          <Language>de</Language>
          <Language>en</Language>
          <Url type="text/html" method="get" template="%s/?q={searchTerms}"/>
          <Url type="%s" method="get" template="%s/api/suggest?q={searchTerms}&amp;format=opensearch"/>
          <Url type="%s" rel="self" template="%s/opensearch.xml"/>
          <moz:SearchForm>%s/</moz:SearchForm>
        </OpenSearchDescription>
        """
        .formatted(
            NAMESPACE,
            MOZ_NAMESPACE,
            o,
            SuggestRoutes.OPENSEARCH_SUGGESTIONS,
            o,
            SuggestRoutes.OPENSEARCH_DESCRIPTION,
            o,
            o);
  }

  // XML's five entities, not Html.escape: that one also writes '/' as "&#x2F;", which XML reads
  // alike but which makes the URLs unreadable to the people who read this document.
  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&apos;");
  }
}
