package io.convosowarehouse.simulator.answer;

import io.convosowarehouse.simulator.SimulatorSettings;
import io.convosowarehouse.simulator.clock.LocalSeconds;
import io.convosowarehouse.simulator.model.AgentDayActivity;
import io.convosowarehouse.simulator.model.AgentProfile;
import io.convosowarehouse.simulator.model.AgentSnapshot;
import io.convosowarehouse.simulator.model.CounterModel;
import io.convosowarehouse.simulator.model.DailyTimelines;
import io.convosowarehouse.simulator.model.Roster;
import io.convosowarehouse.simulator.model.RosterGenerator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The simulated account: a seeded roster whose agents follow pre-generated daily timelines.
 *
 * <p>{@link #answer} is a pure function of (settings, simulated time, filter): the same inputs give a
 * byte-identical body whatever was asked before. Timestamps are local to the account's time zone.
 */
public final class ContactCenter {

    private final SimulatorSettings settings;
    private final Roster roster;
    private final DailyTimelines timelines;
    private final CounterModel counters;
    private final AnswerWriter writer;
    private final ApiQuirks quirks;
    private final JsonMapper mapper = JsonMapper.builder().build();

    public ContactCenter(SimulatorSettings settings) {
        this.settings = settings;
        this.roster = RosterGenerator.generate(settings);
        this.timelines = new DailyTimelines(settings.seed());
        this.counters = new CounterModel(roster);
        this.writer = new AnswerWriter(settings.seed());
        this.quirks = new ApiQuirks(settings.seed());
    }

    /** The success body for {@code filter} at {@code simulatedNow} (local time, truncated to the second). */
    public ObjectNode answer(LocalDateTime simulatedNow, AgentFilter filter) {
        long now = LocalSeconds.of(simulatedNow);
        List<AgentProfile> scope = roster.agents().stream().filter(filter::matches).toList();
        List<AgentSnapshot> loggedIn = scope.stream()
                .map(agent -> timelines.snapshot(agent, now))
                .flatMap(Optional::stream)
                .toList();
        List<AgentDayActivity> activity = scope.stream().map(agent -> timelines.activityToday(agent, now)).toList();
        ObjectNode answer = writer.write(roster, loggedIn, counters.count(filter, activity, loggedIn), now);
        if (settings.quirks()) {
            quirks.apply(answer, now);
        }
        return answer;
    }

    /** {@link #answer} serialised as UTF-8 JSON. */
    public byte[] answerBytes(LocalDateTime simulatedNow, AgentFilter filter) {
        return mapper.writeValueAsBytes(answer(simulatedNow, filter));
    }
}
