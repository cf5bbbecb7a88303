package io.minyi.support.messaging;

/** A record on the report-events topic that is not a valid report event: retrying cannot help. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
