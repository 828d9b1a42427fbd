package io.convosowarehouse.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code convoso.derive.*} ({@code CONVOSO_DERIVE_GAP_THRESHOLD}, ...).
 *
 * @param gapThreshold two consecutive account-wide snapshots further apart than this are a polling gap:
 *                     open state intervals end at the last time seen (end_reason 'gap') instead of being
 *                     stretched over time nobody observed. Keep it well above the polling interval. It is not
 *                     stored with the rows: changing it changes what {@code rebuild-derived} computes, so
 *                     rebuild with the value the loads used, or rebuild everything after changing it.
 */
@ConfigurationProperties("convoso.derive")
public record DeriveProperties(@DefaultValue("5m") Duration gapThreshold) {

    public DeriveProperties {
        // zero or less would end every interval at every poll as a gap
        SettingCheck.positive(gapThreshold, "convoso.derive.gap-threshold");
    }
}
