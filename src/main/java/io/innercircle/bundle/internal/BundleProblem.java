package io.innercircle.bundle.internal;

/**
 * One reason a bundle was refused.
 *
 * @param pointer JSON pointer (RFC 6901) to the offending element, e.g. {@code /stakeholders/3/reportsTo};
 *                empty for the document as a whole
 * @param message what is wrong, in plain English
 */
public record BundleProblem(String pointer, String message) {
}
