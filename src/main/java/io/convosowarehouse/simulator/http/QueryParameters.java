package io.convosowarehouse.simulator.http;

import io.convosowarehouse.simulator.answer.AgentFilter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The decoded query string of a request; the first occurrence of a repeated parameter wins. */
public final class QueryParameters {

    private final Map<String, String> values = new LinkedHashMap<>();

    QueryParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            values.putIfAbsent(name, value);
        }
    }

    String get(String name) {
        return values.getOrDefault(name, "");
    }

    AgentFilter toFilter() {
        List<String> skills = Arrays.asList(get("filter_by_skill_options").split(","));
        return new AgentFilter(get("campaign_id"), get("queue_id"), get("user_id"), skills);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
