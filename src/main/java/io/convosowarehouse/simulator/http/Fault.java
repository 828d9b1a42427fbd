package io.convosowarehouse.simulator.http;

/** How one request is made to misbehave. */
public enum Fault {
    NONE,
    SERVER_ERROR,
    THROTTLED,
    ERROR_BODY,
    TRUNCATED_JSON,
    HTML_PAGE
}
