package io.convosowarehouse.parse;

/**
 * An answer that cannot be loaded at all: {@code "success": false} (with the API's code and text),
 * a body that is not JSON, or JSON that is not an Agent Monitor answer.
 */
public record RefusedAnswer(String reason, Integer apiCode, String apiText, String fragment) implements ParseOutcome {
}
