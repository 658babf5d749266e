package io.innercircle.api;

/**
 * The caller may see the named thing but not do this to it (a coach editing a map, a rep managing a team).
 * For something the caller may not even see, throw {@link NotFoundException}: a denied read looks like a
 * missing item.
 */
public class ForbiddenException extends InvalidInputException {

    public ForbiddenException(String field, String reason) {
        super(field, reason);
    }
}
