package io.innercircle.api;

/** The named thing does not exist (or, later, is not visible to the caller: the two must look the same). */
public class NotFoundException extends InvalidInputException {

    public NotFoundException(String field, String what, String id) {
        super(field, "no " + what + " with id '" + id + "'");
    }
}
