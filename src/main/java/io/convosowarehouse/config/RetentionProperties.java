package io.convosowarehouse.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long per-poll data is kept, applied by every poll run: whole monthly partitions past it are
 * detached and dropped. Zero keeps a table forever. Intervals, shifts and counters are always kept.
 *
 * @param rawPayload    the raw answer archive (ingest.raw_payload), the source of replay and export-raw
 * @param agentSnapshot the per-poll agent rows (warehouse.agent_snapshot); rebuilds need them
 */
@ConfigurationProperties("convoso.retention")
public record RetentionProperties(
        @DefaultValue("90d") Duration rawPayload,
        @DefaultValue("0") Duration agentSnapshot) {

    public RetentionProperties {
        SettingCheck.zeroOrPositive(rawPayload, "convoso.retention.raw-payload");
        SettingCheck.zeroOrPositive(agentSnapshot, "convoso.retention.agent-snapshot");
    }
}
