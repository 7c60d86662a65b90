package org.saddle.app.output;

import java.util.Locale;

/** How names of the theory appear in tables and JSON: lower case, words separated by a space. */
public final class Labels {
    private Labels() {}

    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
