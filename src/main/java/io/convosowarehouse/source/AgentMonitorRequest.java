package io.convosowarehouse.source;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.convosowarehouse.config.AccountSettings;

/**
 * One {@code GET /v1/agent-monitor/search} request. It holds two spellings of the URL: the real one,
 * which only goes on the wire, and the redacted one, which is the only one ever logged or stored.
 */
record AgentMonitorRequest(URI uri, String redactedUrl) {

    static final String PATH = "/v1/agent-monitor/search";
    static final String REDACTED = "***";

    static AgentMonitorRequest of(AccountSettings account, Scope scope) {
        String base = account.baseUrl().toString().replaceAll("/+$", "") + PATH;
        String filter = scope.queryParameter() == null ? ""
                : "&" + scope.queryParameter() + "=" + URLEncoder.encode(scope.id(), StandardCharsets.UTF_8);
        String token = account.authToken() == null ? "" : account.authToken().value();
        URI uri = URI.create(base + "?auth_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + filter);
        return new AgentMonitorRequest(uri, base + "?auth_token=" + REDACTED + filter);
    }

    @Override
    public String toString() {
        return redactedUrl;
    }
}
