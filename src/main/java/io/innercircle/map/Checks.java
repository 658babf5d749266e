package io.innercircle.map;

import io.innercircle.api.InvalidInputException;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The value rules shared by every edit and by the map bundle format: keys of 1-64 safe characters, names of
 * 1-200 characters, short texts up to 500 and long texts up to 10,000, ranks and influence 1-5, strength 1-3.
 */
public final class Checks {

    public static final int NAME_MAX = 200;
    public static final int TEXT_MAX = 500;
    public static final int LONG_TEXT_MAX = 10_000;
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private Checks() {
    }

    public static String key(String field, String value) {
        if (value == null || !ItemId.KEY.matcher(value).matches()) {
            throw new InvalidInputException(field,
                    "must be 1 to 64 characters of letters, digits and . _ : - (got '"
                            + ItemId.abbreviate(String.valueOf(value)) + "')");
        }
        return value;
    }

    public static String name(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "must not be empty");
        }
        return maxLength(field, value, NAME_MAX);
    }

    public static String text(String field, String value) {
        return maxLength(field, value, TEXT_MAX);
    }

    /** An e-mail address as people type it (one @, no spaces), or null; kept as given, compared case-insensitively. */
    public static String email(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > 254 || !trimmed.matches("[^@\\s]+@[^@\\s]+")) {
            throw new InvalidInputException(field, "'" + trimmed + "' is not an e-mail address");
        }
        return trimmed;
    }

    public static String longText(String field, String value) {
        return maxLength(field, value, LONG_TEXT_MAX);
    }

    private static String maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidInputException(field,
                    "is " + value.length() + " characters long; at most " + max + " are allowed");
        }
        return value;
    }

    public static Integer range(String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw new InvalidInputException(field, "must be between " + min + " and " + max + " (got " + value + ")");
        }
        return value;
    }

    public static Double amount(String field, Double value) {
        if (value != null && (value < 0 || value.isNaN() || value.isInfinite())) {
            throw new InvalidInputException(field, "must be zero or more (got " + value + ")");
        }
        return value;
    }

    public static String currency(String field, String value) {
        if (value != null && !CURRENCY.matcher(value).matches()) {
            throw new InvalidInputException(field, "must be a three-letter ISO currency code such as USD");
        }
        return value;
    }

    public static <T> void noDuplicates(String field, Collection<T> values) {
        Set<T> seen = new HashSet<>();
        for (T v : values) {
            if (!seen.add(v)) {
                throw new InvalidInputException(field, v + " is listed twice");
            }
        }
    }
}
