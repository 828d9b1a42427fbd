package io.convosowarehouse.source;

/**
 * The source could not deliver an answer: unreachable, timed out, or an HTTP error after the
 * allowed retries. Messages name the request with its token redacted, never the token.
 */
public class SourceException extends Exception {

    private final Integer httpStatus;

    public SourceException(String message, Integer httpStatus) {
        super(message);
        this.httpStatus = httpStatus;
    }

    public Integer httpStatus() {
        return httpStatus;
    }
}
