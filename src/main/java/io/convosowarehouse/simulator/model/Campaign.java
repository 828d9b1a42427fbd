package io.convosowarehouse.simulator.model;

/** An outbound campaign with the lead list its dialer works through. */
public record Campaign(long id, String name, String listId, String listName, long dialableLeads) {
}
