package io.innercircle.bundle.internal;

/**
 * One reason a bundle was refused.
 *
 * @param pointer JSON pointer (RFC 6901) to the offending element, e.g. {@code /stakeholders/3/reportsTo};
 *                empty for the document as a whole
 * @param code    what is wrong, for a client that acts on it
 * @param message what is wrong, in plain English
 */
public record BundleProblem(String pointer, Code code, String message) {

    public enum Code {
        /** The body: empty, not JSON, over the size limit. */
        EMPTY_BODY, MALFORMED_JSON, TOO_LARGE,
        /** The bundle format (its JSON Schema). */
        REQUIRED, UNKNOWN_FIELD, NOT_ALLOWED, WRONG_TYPE, OUT_OF_RANGE, WRONG_LENGTH, WRONG_COUNT, REPEATED_VALUE,
        WRONG_FORMAT, INVALID,
        /** The rules across items. */
        DUPLICATE_KEY, UNKNOWN_KEY, SELF_REFERENCE, REPORTING_CYCLE, DUPLICATE_ITEM
    }
}
