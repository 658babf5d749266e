package io.innercircle.backup;

/** A backup file that cannot be restored: the message names the line and the reason. Nothing is written. */
class BackupFormatException extends RuntimeException {
    BackupFormatException(String message) {
        super(message);
    }
}
