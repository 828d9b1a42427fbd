package io.convosowarehouse.parse;

/** A field the API documentation does not list, seen in an answer. {@code []} stands for any array index. */
public record UnknownField(String jsonPath, String jsonType, String exampleValue) {
}
