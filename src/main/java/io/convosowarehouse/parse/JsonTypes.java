package io.convosowarehouse.parse;

import tools.jackson.databind.JsonNode;

/** Names the JSON type of a node the way people read an answer: object, array, string, number... */
final class JsonTypes {

    private JsonTypes() {
    }

    static String of(JsonNode node) {
        if (node.isObject()) {
            return "object";
        }
        if (node.isArray()) {
            return "array";
        }
        if (node.isString()) {
            return "string";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "boolean";
        }
        return "null";
    }
}
