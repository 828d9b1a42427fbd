package io.convosowarehouse.simulator.answer;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Asserts that a JSON answer has the fixture's fields with the fixture's JSON types, recursively. */
public final class JsonShape {

    private JsonShape() {
    }

    public static void assertSameShape(JsonNode expected, JsonNode actual) {
        assertSameShape(expected, actual, "$");
    }

    private static void assertSameShape(JsonNode expected, JsonNode actual, String path) {
        assertThat(actual.getNodeType()).as("JSON type of %s", path).isEqualTo(expected.getNodeType());
        if (expected.isObject()) {
            assertThat(actual.propertyNames()).as("fields of %s", path)
                    .containsExactlyElementsOf(expected.propertyNames());
            for (String name : expected.propertyNames()) {
                assertSameShape(expected.get(name), actual.get(name), path + "." + name);
            }
        } else if (expected.isArray() && !expected.isEmpty()) {
            // The fixture shows one element per list; every element of the answer must look like it.
            for (int i = 0; i < actual.size(); i++) {
                assertSameShape(expected.get(0), actual.get(i), path + "[" + i + "]");
            }
        }
    }
}
