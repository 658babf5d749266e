package io.innercircle.vocabulary;

import java.util.Arrays;
import java.util.Locale;

final class VocabularyParsing {

    private VocabularyParsing() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Missing " + what);
        }
        String normalized = value.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        try {
            return Enum.valueOf(type, normalized);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown " + what + " '" + value + "'; expected one of "
                    + Arrays.toString(type.getEnumConstants()), e);
        }
    }
}
