package io.convosowarehouse.simulator.model;

/** An inbound queue; named CallQueue to stay clear of java.util.Queue. */
public record CallQueue(long id, String name, long dialableLeads) {
}
