package io.convosowarehouse.source;

/**
 * The source could not deliver an answer: unreachable, timed out, or an HTTP error after the
 * allowed retries. Messages name the request with its token redacted, never the token, and leave the
 * account and scope to the caller, which puts them in its own line once.
 */
public class SourceException extends Exception {

    public SourceException(String message) {
        super(message);
    }
}
