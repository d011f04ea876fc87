package org.crosscheck.analysis;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The gender a title or a first name gives, for resolving "he" and "she" to a person. First names
 * come from the name list in CoreNLP's models ({@code namegender.combine.txt}, about 14,600 names,
 * each marked male or female).
 */
final class NameGenders {
  private static final String LIST = "/edu/stanford/nlp/models/dcoref/namegender.combine.txt";

  private NameGenders() {}

  /** A person's gender as the text gives it. */
  enum Gender {
    MALE, FEMALE;

    Gender opposite() {
      return this == MALE ? FEMALE : MALE;
    }
  }

  private static final class Holder {
    static final Map<String, Gender> FIRST_NAMES = load();
  }

  /** @return the gender a title gives ("Mrs.", "Mr"), or {@code null} */
  static @Nullable Gender ofTitle(String word) {
    return switch (word.toLowerCase(Locale.ROOT).replace(".", "")) {
      case "mr", "sir", "lord" -> Gender.MALE;
      case "mrs", "ms", "miss", "madam", "lady", "dame" -> Gender.FEMALE;
      default -> null;
    };
  }

  /** @return the gender a first name has in the list, or {@code null} when it is not there */
  static @Nullable Gender ofFirstName(String word) {
    return Holder.FIRST_NAMES.get(word.toLowerCase(Locale.ROOT));
  }

  private static Map<String, Gender> load() {
    Map<String, Gender> out = new HashMap<>();
    ModelLists.read(LIST, line -> {
      String[] f = line.split("\t");
      if (f.length == 2 && (f[1].equals("MALE") || f[1].equals("FEMALE"))) {
        out.put(f[0].toLowerCase(Locale.ROOT), Gender.valueOf(f[1]));
      }
    });
    return out;
  }
}
