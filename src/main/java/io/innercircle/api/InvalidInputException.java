package io.innercircle.api;

/**
 * A request the user must fix: names the input field and says why it was refused. Thrown before anything is
 * written, or inside the write transaction so that nothing is kept.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;
    private final String reason;

    public InvalidInputException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
