package io.convosowarehouse.benchmark;

import java.net.URI;
import java.time.LocalDateTime;
import java.time.ZoneId;

import io.convosowarehouse.config.AccountSettings;
import io.convosowarehouse.config.ScopeSelection;
import io.convosowarehouse.config.Secret;
import io.convosowarehouse.simulator.answer.AgentFilter;
import io.convosowarehouse.simulator.answer.ContactCenter;
import io.convosowarehouse.simulator.SimulatorSettings;
import io.convosowarehouse.source.ReceivedAnswer;
import io.convosowarehouse.source.Scope;

/**
 * A simulated account of a given size and its account-wide answers minute by minute, as the
 * pipeline receives them from a poll. Answers start mid-morning, when nearly the whole roster is logged in.
 */
final class SimulatedAccount {

    static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    static final LocalDateTime BUSY_MORNING = LocalDateTime.of(2025, 5, 28, 10, 0);

    private final ContactCenter center;
    private final AccountSettings settings;

    SimulatedAccount(String name, int agents) {
        this.center = new ContactCenter(settingsFor(agents));
        this.settings = new AccountSettings(name, URI.create("http://127.0.0.1:1"), new Secret("demo-token"), ZONE,
                ScopeSelection.NONE, ScopeSelection.NONE);
    }

    /** The settings of a simulator with {@code agents} agents, fault-free and with the API's quirks. */
    static SimulatorSettings settingsFor(int agents) {
        SimulatorSettings d = SimulatorSettings.defaults();
        return new SimulatorSettings(d.port(), d.authToken(), agents, Math.max(d.campaigns(), agents / 100),
                Math.max(d.queues(), agents / 100), d.seed(), d.timeZone(), BUSY_MORNING, d.speed(), 0, 0, 0, 0, 0,
                true);
    }

    AccountSettings settings() {
        return settings;
    }

    /** The account-wide answer {@code minute} minutes after the start, received at its own data.time. */
    ReceivedAnswer answerAt(int minute) {
        return answerAt(BUSY_MORNING.plusMinutes(minute));
    }

    /** The account-wide answer at a local time, received at its own data.time. */
    ReceivedAnswer answerAt(LocalDateTime at) {
        byte[] body = center.answerBytes(at, AgentFilter.none());
        return new ReceivedAnswer(Scope.ACCOUNT, at.atZone(ZONE).toInstant(), body, 200, 80, "application/json",
                "http://127.0.0.1:1/v1/agent-monitor/search?auth_token=***");
    }
}
