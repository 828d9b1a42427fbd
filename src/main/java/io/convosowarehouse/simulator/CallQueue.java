package io.convosowarehouse.simulator;

/** An inbound queue; named CallQueue to stay clear of java.util.Queue. */
record CallQueue(long id, String name, long dialableLeads) {
}
