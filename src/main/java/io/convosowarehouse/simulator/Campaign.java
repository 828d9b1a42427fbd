package io.convosowarehouse.simulator;

/** An outbound campaign with the lead list its dialer works through. */
record Campaign(long id, String name, String listId, String listName, long dialableLeads) {
}
