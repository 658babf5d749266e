package io.innercircle.analysis;

import java.util.List;

/** Small helpers for the plain-English texts shown to sales reps. */
public final class Texts {

    private Texts() {
    }

    /** "A", "A and B", "A, B and C". */
    public static String joinAnd(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** "an approver", "a decision maker": the indefinite article by the first letter, good enough for our labels. */
    public static String withArticle(String phrase) {
        return ("AEIOUaeiou".indexOf(phrase.charAt(0)) >= 0 ? "an " : "a ") + phrase;
    }

    /** "1 person", "3 people". */
    public static String count(int n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    /** Two decimals, the way scores are shown everywhere. */
    public static String score(double value) {
        return String.format(java.util.Locale.ROOT, "%.2f", value);
    }

    /** "strong", "medium" or "weak" for an influence strength 3, 2 or 1. */
    public static String strengthWord(int strength) {
        return switch (strength) {
            case 3 -> "strong";
            case 2 -> "medium";
            default -> "weak";
        };
    }
}
