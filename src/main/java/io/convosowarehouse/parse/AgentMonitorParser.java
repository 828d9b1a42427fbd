package io.convosowarehouse.parse;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses one Agent Monitor Search answer body into typed records.
 * <p>
 * The body is streamed: each agent is read as a small tree, typed and dropped, so a 5,000-agent
 * answer never exists as one document tree. Leniency lives in {@link LenientFields}; here is the
 * answer's structure, which records are rejected, and which fields are unknown.
 */
@Component
public class AgentMonitorParser {

    private static final DateTimeFormatter CONVOSO_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** data.time may run a little ahead of our clock; it is still the same moment for DST purposes. */
    private static final Duration SOURCE_CLOCK_TOLERANCE = Duration.ofMinutes(15);
    private static final String AGENTS_PATH = "data.entries.agents";

    private final JsonMapper mapper;

    public AgentMonitorParser(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public ParseOutcome parse(byte[] body, ConvosoTime time, Instant receivedAt) {
        try {
            ParseOutcome outcome = new AnswerReader(body, time, receivedAt, receivedAt).read();
            // Agent timestamps are resolved against the receive time in one pass. The answer's own data.time
            // (usually at the end of the body) is the right reference, but the two can only differ in result
            // for a local time inside a fall-back overlap while the reference is near it: only then read again.
            if (outcome instanceof ParsedAnswer parsed && parsed.sourceTime() != null
                    && time.fallBackNear(parsed.sourceTime(), receivedAt)) {
                return new AnswerReader(body, time, parsed.sourceTime(), receivedAt).read();
            }
            return outcome;
        } catch (JacksonException e) {
            return new RefusedAnswer("not valid JSON: " + e.getOriginalMessage(), null, null, head(body));
        }
    }

    private static Instant parseSourceTime(String raw, ConvosoTime time, Instant receivedAt) {
        try {
            LocalDateTime local = LocalDateTime.parse(raw.trim(), CONVOSO_TIMESTAMP);
            return time.toInstant(local, receivedAt.plus(SOURCE_CLOCK_TOLERANCE));
        } catch (DateTimeParseException e) {
            return null; // a bad data.time is reported when the counters are read
        }
    }

    private static String head(byte[] body) {
        return new String(body, 0, Math.min(body.length, 2000), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The state of reading one answer. */
    private final class AnswerReader {

        private final byte[] body;
        private final ConvosoTime time;
        /** What agent timestamps are resolved against (see {@link ConvosoTime}). */
        private final Instant reference;
        private final Instant receivedAt;
        private Instant sourceTime;
        private final List<AgentRow> agents = new ArrayList<>();
        private final Set<Long> userIds = new HashSet<>();
        private final List<Rejection> rejections = new ArrayList<>();
        private final Map<String, UnknownField> unknownFields = new LinkedHashMap<>();
        private Boolean success;
        private Integer apiCode;
        private String apiText;
        private boolean sawEntries;
        private Boolean entriesSuccess;
        private Integer entriesCode;
        private Boolean outOfFunds;
        private Integer availableAgents;
        private Integer loggedInAgents;
        private List<NamedId> campaigns = List.of();
        private List<NamedId> queues = List.of();
        private String campaignsJson;
        private String queuesJson;
        private String callDataJson;
        private FieldValues campaignCounters;
        private FieldValues queueCounters;

        AnswerReader(byte[] body, ConvosoTime time, Instant reference, Instant receivedAt) {
            this.body = body;
            this.time = time;
            this.reference = reference;
            this.receivedAt = receivedAt;
        }

        ParseOutcome read() {
            try (JsonParser parser = mapper.createParser(body)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    return new RefusedAnswer("not an Agent Monitor answer: the body is not a JSON object", null, null, head(body));
                }
                readTop(parser);
                if (parser.nextToken() != null) {
                    return new RefusedAnswer("not valid JSON: content after the answer object", null, null, head(body));
                }
            }
            if (success == null) {
                return new RefusedAnswer("not an Agent Monitor answer: no success flag", null, null, head(body));
            }
            if (!success) {
                String reason = "the API answered success:false" + (apiCode != null ? " with code " + apiCode : "")
                        + (apiText != null ? ": " + apiText : "");
                return new RefusedAnswer(reason, apiCode, apiText, head(body));
            }
            if (!sawEntries) {
                return new RefusedAnswer("not an Agent Monitor answer: no data.entries object", null, null, head(body));
            }
            Instant observedAt = sourceTime != null ? sourceTime : receivedAt;
            return new ParsedAnswer(observedAt, sourceTime, entriesSuccess, entriesCode, outOfFunds, availableAgents,
                    loggedInAgents, campaigns, queues, campaignsJson, queuesJson, callDataJson, List.copyOf(agents),
                    campaignCounters, queueCounters, List.copyOf(rejections), List.copyOf(unknownFields.values()));
        }

        private void readTop(JsonParser parser) {
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                switch (name) {
                    case "data" -> {
                        if (parser.currentToken() == JsonToken.START_OBJECT) {
                            readData(parser);
                        } else {
                            parser.skipChildren();
                        }
                    }
                    case "success" -> success = flag(tree(parser));
                    case "code" -> apiCode = integerOrNull(tree(parser));
                    case "text" -> apiText = tree(parser).asString();
                    default -> unknown("", name, tree(parser));
                }
            }
        }

        private void readData(JsonParser parser) {
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                switch (name) {
                    case "entries" -> {
                        if (parser.currentToken() == JsonToken.START_OBJECT) {
                            sawEntries = true;
                            readEntries(parser);
                        } else {
                            parser.skipChildren();
                        }
                    }
                    case "available_agents" -> availableAgents = scalarInteger("data", name, tree(parser));
                    case "logged_in_agents" -> loggedInAgents = scalarInteger("data", name, tree(parser));
                    default -> unknown("data.", name, tree(parser));
                }
            }
        }

        private void readEntries(JsonParser parser) {
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "agents" -> readAgents(parser, value);
                    case "campaigns" -> {
                        JsonNode list = tree(parser);
                        campaignsJson = storableJson("data.entries.campaigns", list);
                        campaigns = namedIds("data.entries.campaigns", list);
                    }
                    case "queues" -> {
                        JsonNode list = tree(parser);
                        queuesJson = storableJson("data.entries.queues", list);
                        queues = namedIds("data.entries.queues", list);
                    }
                    case "call_data" -> callDataJson = storableJson("data.entries.call_data", tree(parser));
                    case "success" -> entriesSuccess = flag(tree(parser));
                    case "code" -> entriesCode = integerOrNull(tree(parser));
                    case "out_of_funds" -> outOfFunds = flag(tree(parser));
                    case "data" -> readCounters(tree(parser));
                    default -> unknown("data.entries.", name, tree(parser));
                }
            }
        }

        private void readAgents(JsonParser parser, JsonToken value) {
            if (value != JsonToken.START_ARRAY) {
                JsonNode node = tree(parser);
                if (!(node.isObject() && node.isEmpty())) { // {} is the API's empty list
                    rejections.add(new Rejection(AGENTS_PATH, "expected a list of agents, got " + JsonTypes.of(node),
                            node.toString()));
                }
                return;
            }
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                readAgent(AGENTS_PATH + "[" + index++ + "]", tree(parser));
            }
        }

        private void readAgent(String path, JsonNode agent) {
            if (!agent.isObject()) {
                rejections.add(new Rejection(path, "expected an agent object, got " + JsonTypes.of(agent), agent.toString()));
                return;
            }
            for (String name : agent.propertyNames()) {
                if (!AgentFields.BLOCK.declares(name)) {
                    unknown("data.entries.agents[].", name, agent.get(name));
                }
            }
            LenientFields fields = new LenientFields(agent, time, reference);
            AgentRow row = new AgentRow(AgentFields.BLOCK.read(fields));
            List<String> problems = fields.problems();
            if (problems.isEmpty() && row.get(AgentFields.USER_ID) == null) {
                problems = List.of("user_id: missing; an agent row needs its id");
            }
            if (problems.isEmpty() && !userIds.add(row.userId())) {
                problems = List.of("user_id: agent " + row.userId() + " appears twice in this answer; the first one was kept");
            }
            if (!problems.isEmpty()) {
                rejections.add(new Rejection(path, String.join("; ", problems), agent.toString()));
                return;
            }
            agents.add(row);
        }

        private void readCounters(JsonNode counters) {
            String path = "data.entries.data";
            if (!counters.isObject()) {
                if (!counters.isEmpty()) {
                    rejections.add(new Rejection(path, "expected the counters object, got " + JsonTypes.of(counters),
                            counters.toString()));
                }
                return;
            }
            for (String name : counters.propertyNames()) {
                if (!CounterFields.CAMPAIGN.declares(name) && !CounterFields.QUEUE.declares(name)
                        && !AgentMonitorFields.TIME.equals(name)) {
                    unknown(path + ".", name, counters.get(name));
                }
            }
            campaignCounters = counterBlock(path, "campaign counters", CounterFields.CAMPAIGN, counters);
            queueCounters = counterBlock(path, "queue counters", CounterFields.QUEUE, counters);
            JsonNode rawTime = counters.get(AgentMonitorFields.TIME);
            if (rawTime != null && rawTime.isValueNode() && !rawTime.isNull()) {
                sourceTime = parseSourceTime(rawTime.asString(), time, receivedAt);
            }
            if (rawTime != null && !rawTime.isNull() && sourceTime == null && !rawTime.asString().isBlank()) {
                rejections.add(new Rejection(path + ".time", "time: not a yyyy-MM-dd HH:mm:ss timestamp; the receive time was used",
                        rawTime.toString()));
            }
        }

        /** The block's values, or null (and a rejection) when one of them cannot be stored. */
        private FieldValues counterBlock(String path, String what, FieldBlock block, JsonNode counters) {
            LenientFields fields = new LenientFields(counters, time, reference);
            FieldValues values = block.read(fields);
            if (fields.problems().isEmpty()) {
                return values;
            }
            rejections.add(new Rejection(path, what + ": " + String.join("; ", fields.problems()), counters.toString()));
            return null;
        }

        private List<NamedId> namedIds(String path, JsonNode list) {
            if (!list.isArray()) {
                if (!(list.isObject() && list.isEmpty())) {
                    rejections.add(new Rejection(path, "expected a list, got " + JsonTypes.of(list), list.toString()));
                }
                return List.of();
            }
            List<NamedId> ids = new ArrayList<>();
            int index = 0;
            for (JsonNode item : list) {
                String itemPath = path + "[" + index++ + "]";
                if (!item.isObject()) {
                    rejections.add(new Rejection(itemPath, "expected {value, name}, got " + JsonTypes.of(item), item.toString()));
                    continue;
                }
                for (String name : item.propertyNames()) {
                    if (!AgentMonitorFields.NAMED_ID.contains(name)) {
                        unknown(path + "[].", name, item.get(name));
                    }
                }
                LenientFields fields = new LenientFields(item, time, reference);
                Long id = fields.id("value");
                String name = fields.text("name");
                if (id == null && fields.problems().isEmpty()) {
                    fields.problems().add("value: missing id");
                }
                if (!fields.problems().isEmpty()) {
                    rejections.add(new Rejection(itemPath, String.join("; ", fields.problems()), item.toString()));
                    continue;
                }
                ids.add(new NamedId(id, name == null ? "" : name));
            }
            return List.copyOf(ids);
        }

        /** The node as JSON text for a jsonb column, or NULL (and a rejection) when jsonb cannot hold it. */
        private String storableJson(String path, JsonNode node) {
            String json = node.toString();
            if (json.contains("\\u0000")) {
                rejections.add(new Rejection(path, "contains a NUL character (\\u0000), which PostgreSQL jsonb cannot hold; "
                        + "it stays in the raw archive", json));
                return null;
            }
            return json;
        }

        private Integer scalarInteger(String parent, String name, JsonNode node) {
            LenientFields fields = new LenientFields(wrap(name, node), time, reference);
            Integer value = fields.integer(name);
            if (!fields.problems().isEmpty()) {
                rejections.add(new Rejection(parent + "." + name, String.join("; ", fields.problems()), node.toString()));
            }
            return value;
        }

        private Integer integerOrNull(JsonNode node) {
            return node.isNumber() || node.isString() && node.asString().matches("-?\\d{1,9}") ? node.asInt() : null;
        }

        private Boolean flag(JsonNode node) {
            if (node.isBoolean()) {
                return node.asBoolean();
            }
            String text = node.asString();
            return "1".equals(text) || "true".equals(text) ? Boolean.TRUE
                    : "0".equals(text) || "false".equals(text) ? Boolean.FALSE : null;
        }

        private JsonNode wrap(String name, JsonNode node) {
            return mapper.createObjectNode().set(name, node);
        }

        private void unknown(String parentPath, String name, JsonNode value) {
            String path = parentPath + name;
            String type = JsonTypes.of(value);
            unknownFields.putIfAbsent(path + "\u0000" + type, new UnknownField(path, type, value.toString()));
        }

        private JsonNode tree(JsonParser parser) {
            JsonNode node = parser.readValueAsTree();
            return node == null ? mapper.nullNode() : node;
        }
    }
}
