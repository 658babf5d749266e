package io.innercircle.assessment;

/** A rating on one criterion, as in the course: + accurate, known and favourable; - unfavourable; ? unknown. */
public enum Rating {
    PLUS("+"),
    MINUS("-"),
    UNKNOWN("?");

    private final String symbol;

    Rating(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Null (not rated) stays null. */
    public static Rating ofSymbol(String symbol) {
        if (symbol == null || symbol.isEmpty()) {
            return null;
        }
        for (Rating r : values()) {
            if (r.symbol.equals(symbol)) {
                return r;
            }
        }
        throw new IllegalArgumentException("not a rating: " + symbol);
    }

    public static String symbol(Rating rating) {
        return rating == null ? null : rating.symbol;
    }
}
