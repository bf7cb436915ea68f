package org.roundtable.web;

import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;

/** An error whose message is written for the reader and shown to them on the error page as it is. */
public final class ReaderFacingError extends HttpResponseException {

    public ReaderFacingError(HttpStatus status, String message) {
        super(status.getCode(), message);
    }
}
