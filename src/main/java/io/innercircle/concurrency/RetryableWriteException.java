package io.innercircle.concurrency;

/**
 * A write that failed for a passing reason (a deadlock, a cluster leader switch, the database unreachable) and
 * still failed after the bounded retries; nothing of it was written, and the client may send it again.
 */
public class RetryableWriteException extends RuntimeException {

    /** CONFLICT: lost against concurrent writers; UNAVAILABLE: the database could not be reached. */
    public enum Kind { CONFLICT, UNAVAILABLE }

    private final Kind kind;

    public RetryableWriteException(Kind kind, int attempts, Throwable cause) {
        super((kind == Kind.CONFLICT ? "The write collided with other writes to the same map"
                : "The database is not available right now") + " and still failed after " + attempts
                + " attempts; nothing was written. Send it again.", cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
