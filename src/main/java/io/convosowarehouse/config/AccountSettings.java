package io.convosowarehouse.config;

import java.net.URI;
import java.time.ZoneId;

/** Everything needed to poll one Convoso account. */
public record AccountSettings(String name, URI baseUrl, Secret authToken, ZoneId timeZone, ScopeSelection campaigns,
        ScopeSelection queues) {
}
