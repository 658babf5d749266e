package io.innercircle.vocabulary;

/** How well our team covers a stakeholder, from none to in depth (declaration order is the ranking). */
public enum Coverage {
    NONE("no contact"),
    BRIEF("brief contact"),
    MULTIPLE("multiple contacts"),
    IN_DEPTH("in-depth contact");

    private final String label;

    Coverage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Multiple or in-depth contact is what the method calls a real relationship. */
    public boolean isRealRelationship() {
        return this == MULTIPLE || this == IN_DEPTH;
    }

    /** The better of two levels; null counts as no contact. */
    public static Coverage better(Coverage a, Coverage b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }

    public static Coverage parse(String value) {
        return VocabularyParsing.parse(Coverage.class, value, "coverage");
    }
}
