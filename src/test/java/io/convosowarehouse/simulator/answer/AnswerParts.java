package io.convosowarehouse.simulator.answer;

import java.util.List;
import java.util.stream.StreamSupport;

import tools.jackson.databind.JsonNode;

/** The two parts of an Agent Monitor Search answer that tests read: its agents and its counters. */
public final class AnswerParts {

    private AnswerParts() {
    }

    public static List<JsonNode> agents(JsonNode answer) {
        return StreamSupport.stream(answer.get("data").get("entries").get("agents").spliterator(), false).toList();
    }

    public static JsonNode counters(JsonNode answer) {
        return answer.get("data").get("entries").get("data");
    }
}
