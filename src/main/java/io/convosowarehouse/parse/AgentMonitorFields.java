package io.convosowarehouse.parse;

import java.util.Set;

/**
 * The documented names of the answer's smaller objects; the agent and counter fields are in
 * {@link AgentFields} and {@link CounterFields}. Anything else is drift.
 */
final class AgentMonitorFields {

    static final Set<String> NAMED_ID = Set.of("value", "name");

    /** data.time is the observation time, read apart from the counters. */
    static final String TIME = "time";

    private AgentMonitorFields() {
    }
}
