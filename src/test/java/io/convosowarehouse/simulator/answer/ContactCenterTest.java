package io.convosowarehouse.simulator.answer;

import io.convosowarehouse.simulator.SimulatorSettings;
import io.convosowarehouse.simulator.clock.LocalSeconds;
import io.convosowarehouse.simulator.model.AgentProfile;
import io.convosowarehouse.simulator.model.AgentStatus;
import io.convosowarehouse.simulator.model.AgentTimeline;
import io.convosowarehouse.simulator.model.CallRecord;
import io.convosowarehouse.simulator.model.DailyTimelines;
import io.convosowarehouse.simulator.model.Roster;
import io.convosowarehouse.simulator.model.RosterGenerator;
import io.convosowarehouse.simulator.model.StateSpan;
import io.convosowarehouse.simulator.model.TimelineGenerator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ContactCenterTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final LocalDate DAY = LocalDate.of(2025, 5, 28);
    private static final List<String> DAILY_COUNTERS = List.of(
            "calls_today", "answered", "dropped", "manual_calls_today", "queue_calls_today", "queue_answered",
            "queue_dropped", "inbound_total_agents_today", "outbound_total_agents_today",
            "outbound_total_pause_avg_length", "outbound_total_wait_avg_length", "outbound_total_talk_avg_length",
            "outbound_total_dispo_avg_length", "agent_total_time", "agent_incall_time", "agent_ready_time",
            "agent_paused_time", "agent_dead_time", "agent_dispo_time", "agent_total_time_count",
            "agent_incall_time_count", "agent_ready_time_count", "agent_paused_time_count",
            "agent_dead_time_count", "agent_dispo_time_count");

    private final SimulatorSettings settings = SimulatorSettings.defaults();
    private final ContactCenter center = new ContactCenter(settings);

    @Test
    void answersHaveTheFixturesFieldsAndJsonTypesAllDayLong() throws IOException {
        JsonNode fixture = fixture();
        for (int hour = 0; hour < 24; hour += 3) {
            JsonNode answer = center.answer(DAY.atTime(hour, 17, 5), AgentFilter.none());
            assertThat(AnswerParts.agents(answer)).as("agents at %02d:17", hour).isNotEmpty();
            JsonShape.assertSameShape(fixture, answer);
        }
    }

    @Test
    void stateSecondsSinceLoginAddUpToStatusTime() {
        Roster roster = RosterGenerator.generate(settings);
        DailyTimelines timelines = new DailyTimelines(settings.seed());
        int checked = 0;
        for (LocalDateTime time = DAY.atStartOfDay(); time.isBefore(DAY.plusDays(1).atStartOfDay());
             time = time.plusMinutes(13)) {
            long now = LocalSeconds.of(time);
            JsonNode answer = center.answer(time, AgentFilter.none());
            Map<String, JsonNode> agentsById = byUserId(answer);
            for (AgentProfile agent : roster.agents()) {
                var snapshot = timelines.snapshot(agent, now);
                assertThat(agentsById.containsKey(agent.userId())).isEqualTo(snapshot.isPresent());
                if (snapshot.isEmpty()) {
                    continue;
                }
                JsonNode json = agentsById.get(agent.userId());
                long sixStates = json.get("status_ready_time_sec").asLong() + json.get("status_wait_time_sec").asLong()
                        + json.get("status_incall_time_sec").asLong() + json.get("status_dispo_time_sec").asLong()
                        + json.get("status_dead_time_sec").asLong() + json.get("status_preview_time_sec").asLong();
                long paused = snapshot.get().sinceLogin().seconds(AgentStatus.PAUSED);
                assertThat(sixStates + paused).isEqualTo(json.get("status_time_sec").asLong());
                assertThat(json.get("status_length_sec").asLong()).isLessThanOrEqualTo(json.get("status_time_sec").asLong());
                if (!json.get("status").asString().equals("PAUSED")) {
                    String field = "status_" + json.get("status").asString().toLowerCase() + "_time_sec";
                    assertThat(json.get(field).asLong()).isGreaterThanOrEqualTo(json.get("status_length_sec").asLong());
                }
                assertThat(json.get("status_time_mmss").asString())
                        .isEqualTo(LocalSeconds.hhmmss(json.get("status_time_sec").asLong()));
                assertThat(json.get("last_state_change").asString())
                        .isEqualTo(LocalSeconds.timestamp(now - json.get("status_length_sec").asLong()));
                boolean incall = json.get("status").asString().equals("INCALL");
                assertThat(json.get("lead_id").asString().equals("0")).isEqualTo(!incall);
                assertThat(json.get("call_type").asString().equals("-")).isEqualTo(!incall);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(1000);
    }

    @Test
    void timelinesCycleThroughRealisticStates() {
        Roster roster = RosterGenerator.generate(settings);
        TimelineGenerator generator = new TimelineGenerator(settings.seed());
        for (AgentProfile agent : roster.agents()) {
            AgentTimeline session = generator.generate(agent, DAY);
            long length = session.logout() - session.login();
            assertThat(length).isBetween(8 * 3600L, 9 * 3600L + 20 * 60L);
            assertThat(session.spans().stream().filter(s -> s.status() == AgentStatus.PAUSED)
                    .map(StateSpan::label).toList()).containsExactly("Break", "Lunch", "Break");
            assertThat(session.calls()).anyMatch(CallRecord::inbound);
            StateSpan previous = null;
            for (StateSpan span : session.spans()) {
                if (previous != null) {
                    assertThat(span.start()).isEqualTo(previous.end());
                }
                switch (span.status()) {
                    case READY -> assertThat(span.length()).isBetween(5L, 120L);
                    case INCALL -> assertThat(span.length()).isBetween(30L, 600L);
                    case DISPO -> assertThat(span.length()).isBetween(5L, 60L);
                    case DEAD, WAIT -> assertThat(span.length()).isBetween(1L, 10L);
                    case PAUSED -> assertThat(span.length()).isBetween(12 * 60L, 34 * 60L);
                }
                previous = span;
            }
        }
    }

    @Test
    void dailyCountersNeverGoBackwardsWithinADayAndResetAfterMidnight() {
        long callsAtEndOfDay = assertDailyCountersGrow(AgentFilter.none(), 1);
        assertThat(callsAtEndOfDay).isGreaterThan(10_000);
        assertThat(assertDailyCountersGrow(AgentFilter.campaign("1148"), 10)).isPositive();
        assertThat(assertDailyCountersGrow(AgentFilter.queue("51528"), 10)).isPositive();

        LocalDateTime afterMidnight = DAY.plusDays(1).atTime(0, 1);
        JsonNode answer = center.answer(afterMidnight, AgentFilter.none());
        JsonNode data = AnswerParts.counters(answer);
        long loggedIn = answer.get("data").get("logged_in_agents").asLong();
        assertThat(loggedIn).isPositive();
        assertThat(data.get("calls_today").asLong()).isLessThan(callsAtEndOfDay / 100);
        assertThat(data.get("answered").asLong()).isLessThanOrEqualTo(2 * loggedIn);
        assertThat(data.get("agent_total_time").asLong()).isLessThanOrEqualTo(60 * loggedIn);
        assertThat(AnswerParts.agents(answer)).allSatisfy(agent -> assertThat(agent.get("total_calls").asLong()).isLessThanOrEqualTo(2));
    }

    /** Samples the day every {@code stepMinutes}; returns calls_today at the last sample. */
    private long assertDailyCountersGrow(AgentFilter filter, int stepMinutes) {
        Map<String, Long> previous = new HashMap<>();
        Map<String, Long> previousCallsPerAgent = new HashMap<>();
        LocalDateTime midnight = DAY.plusDays(1).atStartOfDay();
        for (LocalDateTime time = DAY.atStartOfDay(); time.isBefore(midnight); time = time.plusMinutes(stepMinutes)) {
            JsonNode answer = center.answer(time, filter);
            JsonNode data = AnswerParts.counters(answer);
            for (String counter : DAILY_COUNTERS) {
                long value = data.get(counter).asLong();
                assertThat(value).as("%s at %s for %s", counter, time, filter)
                        .isGreaterThanOrEqualTo(previous.getOrDefault(counter, 0L));
                previous.put(counter, value);
            }
            for (JsonNode agent : AnswerParts.agents(answer)) {
                String id = agent.get("user_id").asString();
                long calls = agent.get("total_calls").asLong();
                assertThat(calls).isGreaterThanOrEqualTo(previousCallsPerAgent.getOrDefault(id, 0L));
                assertThat(agent.get("calls_today").asString()).isEqualTo(String.valueOf(calls));
                previousCallsPerAgent.put(id, calls);
            }
            assertThat(data.get("time").asString()).isEqualTo(LocalSeconds.timestamp(LocalSeconds.of(time)));
        }
        return previous.get("calls_today");
    }

    @Test
    void droppedCallsAreAFewPercentAndPercentagesFollowTheCounts() {
        JsonNode data = AnswerParts.counters(center.answer(DAY.atTime(16, 0), AgentFilter.none()));
        long calls = data.get("calls_today").asLong();
        long dropped = data.get("dropped").asLong();
        assertThat(dropped * 100.0 / calls).isBetween(0.5, 5.0);
        assertThat(data.get("dropped_percent").asString()).isEqualTo(String.format(Locale.ROOT, "%.2f", dropped * 100.0 / calls));
        long queueCalls = data.get("queue_calls_today").asLong();
        assertThat(data.get("queue_answered_percent").asString())
                .isEqualTo(String.format(Locale.ROOT, "%.2f", data.get("queue_answered").asLong() * 100.0 / queueCalls));
        assertThat(data.get("queue_answered").asLong() + data.get("queue_dropped").asLong()).isEqualTo(queueCalls);
    }

    @Test
    void liveCountsMatchTheAgentsListed() {
        for (int hour = 0; hour < 24; hour += 2) {
            JsonNode answer = center.answer(DAY.atTime(hour, 41, 9), AgentFilter.none());
            JsonNode data = AnswerParts.counters(answer);
            Map<String, Long> byStatus = AnswerParts.agents(answer).stream()
                    .collect(Collectors.groupingBy(a -> a.get("status").asString(), Collectors.counting()));
            long ready = byStatus.getOrDefault("READY", 0L) + byStatus.getOrDefault("WAIT", 0L);
            assertThat(data.get("agent_ready").asLong()).isEqualTo(ready);
            assertThat(answer.get("data").get("available_agents").asLong()).isEqualTo(ready);
            assertThat(data.get("agent_incall").asLong()).isEqualTo(byStatus.getOrDefault("INCALL", 0L));
            assertThat(data.get("agent_paused").asLong()).isEqualTo(byStatus.getOrDefault("PAUSED", 0L));
            assertThat(data.get("agent_total").asLong()).isEqualTo(AnswerParts.agents(answer).size());
            assertThat(answer.get("data").get("logged_in_agents").asLong()).isEqualTo(AnswerParts.agents(answer).size());
        }
    }

    @Test
    void aNightShiftRunsAcrossMidnight() {
        Map<String, JsonNode> lateEvening = byUserId(center.answer(DAY.atTime(23, 30), AgentFilter.none()));
        Map<String, JsonNode> smallHours = byUserId(center.answer(DAY.plusDays(1).atTime(2, 0), AgentFilter.none()));
        List<String> overnight = new ArrayList<>();
        for (String id : smallHours.keySet()) {
            if (lateEvening.containsKey(id)) {
                long loginEvening = loginSecond(DAY.atTime(23, 30), lateEvening.get(id));
                long loginNight = loginSecond(DAY.plusDays(1).atTime(2, 0), smallHours.get(id));
                assertThat(loginNight).isEqualTo(loginEvening);
                assertThat(LocalSeconds.toDateTime(loginNight).toLocalTime()).isAfter(LocalTime.of(21, 45));
                overnight.add(id);
            }
        }
        assertThat(overnight).isNotEmpty();
    }

    @Test
    void filtersReturnTheMatchingSubsetsAndTheirCounters() {
        LocalDateTime time = DAY.atTime(15, 12, 30);
        JsonNode account = center.answer(time, AgentFilter.none());
        List<JsonNode> all = AnswerParts.agents(account);
        assertThat(AnswerParts.counters(account).get("campaign_id").asString()).isEmpty();

        long callsAcrossCampaigns = 0;
        for (JsonNode campaign : account.get("data").get("entries").get("campaigns")) {
            String id = campaign.get("value").asString();
            JsonNode answer = center.answer(time, AgentFilter.campaign(id));
            assertThat(userIds(AnswerParts.agents(answer))).isEqualTo(userIds(all.stream()
                    .filter(a -> a.get("campaign_id").asString().equals(id)).toList()));
            assertThat(AnswerParts.counters(answer).get("campaign_id").asString()).isEqualTo(id);
            assertThat(answer.get("data").get("entries").get("campaigns")).isEqualTo(account.get("data").get("entries").get("campaigns"));
            callsAcrossCampaigns += AnswerParts.counters(answer).get("calls_today").asLong();
        }
        assertThat(callsAcrossCampaigns).isEqualTo(AnswerParts.counters(account).get("calls_today").asLong());

        long queueCallsAcrossQueues = 0;
        for (JsonNode queue : account.get("data").get("entries").get("queues")) {
            String id = queue.get("value").asString();
            JsonNode answer = center.answer(time, AgentFilter.queue(id));
            assertThat(AnswerParts.agents(answer)).allSatisfy(a -> assertThat(a.get("queue_assignment_ids").toString()).contains("\"" + id + "\""));
            assertThat(userIds(AnswerParts.agents(answer))).isEqualTo(userIds(all.stream()
                    .filter(a -> a.get("queue_assignment_ids").toString().contains("\"" + id + "\"")).toList()));
            queueCallsAcrossQueues += AnswerParts.counters(answer).get("queue_calls_today").asLong();
        }
        assertThat(queueCallsAcrossQueues).isEqualTo(AnswerParts.counters(account).get("queue_calls_today").asLong());

        String someone = all.get(3).get("user_id").asString();
        JsonNode single = center.answer(time, AgentFilter.user(someone));
        assertThat(userIds(AnswerParts.agents(single))).containsExactly(someone);
        assertThat(AnswerParts.agents(single).get(0)).isEqualTo(all.get(3));

        JsonNode skilled = center.answer(time, AgentFilter.skills("Spanish", "TechSupport"));
        List<JsonNode> expected = all.stream().filter(a -> a.get("skill_options").asString().contains("|Spanish|")
                || a.get("skill_options").asString().contains("|TechSupport|")).toList();
        assertThat(expected).isNotEmpty().hasSizeLessThan(all.size());
        assertThat(userIds(AnswerParts.agents(skilled))).isEqualTo(userIds(expected));

        assertThat(AnswerParts.agents(center.answer(time, AgentFilter.campaign("nope")))).isEmpty();
    }

    @Test
    void answersArePureFunctionsOfSeedTimeAndFilter() {
        LocalDateTime time = DAY.atTime(11, 11, 11);
        ContactCenter other = new ContactCenter(settings);
        other.answerBytes(DAY.plusDays(3).atTime(9, 0), AgentFilter.queue("50375"));
        byte[] later = other.answerBytes(time, AgentFilter.none());
        assertThat(center.answerBytes(time, AgentFilter.none())).isEqualTo(later);
        assertThat(new ContactCenter(settings.withSeed(43)).answerBytes(time, AgentFilter.none())).isNotEqualTo(later);
    }

    @Test
    void quirksLoosenSomeAgentsAndAnswersDeterministically() {
        ContactCenter quirky = new ContactCenter(settings.withQuirks(true));
        Set<String> seen = new HashSet<>();
        for (LocalDateTime time = DAY.atTime(6, 3); time.isBefore(DAY.atTime(9, 0)); time = time.plus(Duration.ofMinutes(7))) {
            JsonNode answer = quirky.answer(time, AgentFilter.none());
            assertThat(quirky.answerBytes(time, AgentFilter.none())).isEqualTo(MAPPER.writeValueAsBytes(answer));
            for (JsonNode agent : AnswerParts.agents(answer)) {
                if (agent.get("user_id").isNumber()) {
                    seen.add("numeric user_id");
                    assertThat(agent.get("total_calls").isString()).isTrue();
                    assertThat(agent.get("agent_extra_note").asString()).isEqualTo("x");
                }
                if (agent.toString().contains(LocalSeconds.NEVER)) {
                    seen.add("never timestamp");
                }
                if (agent.get("list_name").asString().isEmpty()) {
                    seen.add("empty placeholder");
                }
            }
            JsonNode callData = answer.get("data").get("entries").get("call_data");
            seen.add(callData.get("users").isObject() ? "object call_data" : "array call_data");
        }
        assertThat(seen).containsExactlyInAnyOrder("numeric user_id", "never timestamp", "empty placeholder",
                "object call_data", "array call_data");

        JsonNode clean = center.answer(DAY.atTime(7, 0), AgentFilter.none());
        assertThat(clean.toString()).doesNotContain(LocalSeconds.NEVER).doesNotContain("agent_extra_note");
    }

    private static long loginSecond(LocalDateTime time, JsonNode agent) {
        return LocalSeconds.of(time) - agent.get("status_time_sec").asLong();
    }

    private static JsonNode fixture() throws IOException {
        try (InputStream in = ContactCenterTest.class.getResourceAsStream("/fixtures/agent-monitor-search.example.json")) {
            assertThat(in).as("fixture on the test classpath").isNotNull();
            return MAPPER.readTree(in);
        }
    }

    private static Map<String, JsonNode> byUserId(JsonNode answer) {
        Map<String, JsonNode> byId = new HashMap<>();
        AnswerParts.agents(answer).forEach(agent -> byId.put(agent.get("user_id").asString(), agent));
        return byId;
    }

    private static List<String> userIds(List<JsonNode> agents) {
        return agents.stream().map(a -> a.get("user_id").asString()).toList();
    }
}
