package io.innercircle.crm.internal;

import io.innercircle.api.InvalidInputException;

/** A CRM file over the size limit: REST answers 413 rather than 400. */
class FileTooLargeException extends InvalidInputException {

    FileTooLargeException(String field, String reason) {
        super(field, reason);
    }
}
