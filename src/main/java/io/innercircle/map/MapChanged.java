package io.innercircle.map;

/**
 * Published inside the write transaction of every change to an account's map (an edit, a bundle import), so
 * that whatever is derived from the map (the analysis cache) can drop its copy once the change commits.
 */
public record MapChanged(String account, long version) {
}
