package io.convosowarehouse.simulator;

/** How one request is made to misbehave. */
enum Fault {
    NONE,
    SERVER_ERROR,
    THROTTLED,
    ERROR_BODY,
    TRUNCATED_JSON,
    HTML_PAGE
}
