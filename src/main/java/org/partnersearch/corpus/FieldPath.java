package org.partnersearch.corpus;

import com.networknt.schema.JsonNodePath;

/**
 * Readable field paths for problems, such as {@code description.de} or {@code researchAreas[1]}.
 */
final class FieldPath {
  private FieldPath() {}

  static String of(JsonNodePath path) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      if (element instanceof Integer index) {
        out.append('[').append(index).append(']');
      } else {
        out.append(out.length() == 0 ? "" : ".").append(element);
      }
    }
    return out.toString();
  }

  static String child(String parent, String name) {
    return parent.isEmpty() ? name : parent + "." + name;
  }

  static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }
}
