package io.innercircle.backup;

/** A restore into a database that already holds maps: refused, so that nothing is merged by accident. */
class DatabaseNotEmptyException extends BackupFormatException {
    DatabaseNotEmptyException(long accounts) {
        super("the database already holds " + accounts + " account(s): restore into an empty database (start the "
                + "app on a new data directory with innercircle.demo.load=false)");
    }
}
