package io.convosowarehouse.source;

import java.time.Instant;

/**
 * An answer body as it arrived, from whichever entrance: the live API, a saved file or the raw
 * archive. Everything after this point is the same path.
 *
 * @param httpStatus  NULL when the answer was read from a file
 * @param requestUrl  the request with the token replaced by ***, NULL for files
 */
public record ReceivedAnswer(Scope scope, Instant receivedAt, byte[] body, Integer httpStatus, Integer latencyMs,
        String contentType, String requestUrl) {
}
