package io.convosowarehouse.parse;

/** An entry of the answer's campaigns or queues list: {@code {"value": 1234, "name": "..."}}. */
public record NamedId(long id, String name) {
}
