package io.convosowarehouse.simulator.model;

/**
 * Call counts since local midnight for a scope. {@code callsToday} counts dial attempts plus inbound calls
 * offered (answered or abandoned); {@code answered} counts calls that reached an agent; {@code dropped}
 * counts dropped outbound and abandoned inbound calls. The queue_* values cover inbound calls only.
 */
public record CallCounters(long callsToday, long manualCallsToday, long answered, long dropped,
                    long queueCallsToday, long queueAnswered, long queueDropped) {
}
