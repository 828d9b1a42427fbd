package io.convosowarehouse.config;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code convoso.*}; every one can be set by environment variable
 * ({@code CONVOSO_AUTH_TOKEN}, {@code CONVOSO_BASE_URL}, {@code CONVOSO_TIME_ZONE}, ...).
 * The top-level account settings describe one account; {@code convoso.accounts[n].*} lists several,
 * each falling back to the top-level values for what it does not set.
 *
 * @param runDeadline how long one poll run may take, retries included: it must end before the next schedule
 */
@ConfigurationProperties("convoso")
public record ConvosoProperties(
        @DefaultValue("default") String account,
        @DefaultValue("https://api.convoso.com") URI baseUrl,
        Secret authToken,
        @DefaultValue("America/Los_Angeles") ZoneId timeZone,
        List<String> campaigns,
        List<String> queues,
        List<Account> accounts,
        @DefaultValue("50s") Duration runDeadline,
        @DefaultValue Http http) {

    public ConvosoProperties {
        SettingCheck.positive(runDeadline, "convoso.run-deadline");
    }

    /** One more account of {@code convoso.accounts}. */
    public record Account(String name, URI baseUrl, Secret authToken, ZoneId timeZone, List<String> campaigns,
            List<String> queues) {
    }

    /**
     * HTTP behaviour of the Agent Monitor client.
     *
     * @param maxAttempts    calls per scope before giving up (1 = no retry)
     * @param initialBackoff the first pause between attempts; doubled each time, with jitter
     * @param maxBackoff     the longest pause, also the cap on a server's Retry-After
     */
    public record Http(
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("30s") Duration readTimeout,
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("500ms") Duration initialBackoff,
            @DefaultValue("10s") Duration maxBackoff) {

        public Http {
            SettingCheck.positive(connectTimeout, "convoso.http.connect-timeout");
            SettingCheck.positive(readTimeout, "convoso.http.read-timeout");
            SettingCheck.atLeast(1, maxAttempts, "convoso.http.max-attempts");
            SettingCheck.positive(initialBackoff, "convoso.http.initial-backoff");
            SettingCheck.positive(maxBackoff, "convoso.http.max-backoff");
        }
    }

    /** The configured accounts, each complete. */
    public List<AccountSettings> resolvedAccounts() {
        List<AccountSettings> resolved = resolve();
        for (AccountSettings account : resolved) {
            URI url = account.baseUrl();
            if (url == null || url.getHost() == null || !List.of("http", "https").contains(url.getScheme())) {
                throw new IllegalArgumentException("the base URL of account " + account.name()
                        + " must be an http(s) URL with a host, such as https://api.convoso.com (CONVOSO_BASE_URL)");
            }
        }
        return resolved;
    }

    /** A value Spring could not resolve stays as written: {@code ${WEST_TOKEN}} when WEST_TOKEN is not set. */
    private static final Pattern UNRESOLVED = Pattern.compile("\\$\\{([^}:]+)(:[^}]*)?}");

    /**
     * Fails, naming the account and the setting, unless each account has an API token: a call without
     * one only earns a 401 after the network round trips. Only what calls the API asks for it; ingest,
     * replay and report need no token. The message never holds a token: at most a placeholder that
     * was left unresolved, which names the missing variable.
     */
    public void requireTokens(List<AccountSettings> selected) {
        for (AccountSettings selectedAccount : selected) {
            String token = selectedAccount.authToken() == null ? "" : selectedAccount.authToken().value().strip();
            Matcher placeholder = UNRESOLVED.matcher(token);
            if (!token.isEmpty() && !placeholder.matches()) {
                continue;
            }
            String setting = tokenSetting(selectedAccount.name());
            throw new IllegalArgumentException("account '" + selectedAccount.name() + "' has no API token: "
                    + (token.isEmpty() ? "set " + setting : setting + " is " + token + " and " + placeholder.group(1) + " is not set"));
        }
    }

    /** Where the named account's token comes from, or would. */
    private String tokenSetting(String accountName) {
        String topLevel = "convoso.auth-token (environment variable CONVOSO_AUTH_TOKEN)";
        for (int i = 0; accounts != null && i < accounts.size(); i++) {
            Account entry = accounts.get(i);
            if (accountName.equals(entry.name() != null ? entry.name() : account)) {
                String own = "convoso.accounts[" + i + "].auth-token";
                return entry.authToken() != null ? own : authToken != null ? topLevel : own + ", or " + topLevel + " for every account";
            }
        }
        return topLevel;
    }

    private List<AccountSettings> resolve() {
        if (accounts == null || accounts.isEmpty()) {
            return List.of(new AccountSettings(account, baseUrl, authToken, timeZone,
                    ScopeSelection.parse(campaigns, "convoso.campaigns"), ScopeSelection.parse(queues, "convoso.queues")));
        }
        return accounts.stream()
                .map(a -> new AccountSettings(
                        a.name() != null ? a.name() : account,
                        a.baseUrl() != null ? a.baseUrl() : baseUrl,
                        a.authToken() != null ? a.authToken() : authToken,
                        a.timeZone() != null ? a.timeZone() : timeZone,
                        ScopeSelection.parse(a.campaigns() != null ? a.campaigns() : campaigns, "campaigns of " + a.name()),
                        ScopeSelection.parse(a.queues() != null ? a.queues() : queues, "queues of " + a.name())))
                .toList();
    }
}
