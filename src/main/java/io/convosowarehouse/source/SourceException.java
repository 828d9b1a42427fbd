package io.convosowarehouse.source;

/**
 * The source could not deliver an answer: unreachable, timed out, or an HTTP error after the
 * allowed retries. Messages name the request with its token redacted, never the token.
 */
public class SourceException extends Exception {

    public SourceException(String message) {
        super(message);
    }
}
