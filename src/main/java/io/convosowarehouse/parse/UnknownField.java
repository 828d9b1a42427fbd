package io.convosowarehouse.parse;

/** A field the API documentation does not list, seen in an answer. {@code []} stands for any array index. */
public record UnknownField(String jsonPath, String jsonType, String exampleValue) {

    public UnknownField {
        // a field name may hold anything JSON allows, NUL included, which PostgreSQL text cannot
        jsonPath = jsonPath.replace("\u0000", "\\u0000");
    }
}
