package io.convosowarehouse.report;

import java.util.List;
import java.util.Map;

/**
 * The colour of each status family of {@code reporting.status_group}, shared by every page, so a
 * status looks the same on the timeline and on the interval chart.
 */
final class StatusFamilyColours {

    /** The families in the legends' order (and the interval chart's stacking order, bottom up). */
    static final List<String> FAMILIES = List.of("ready", "wait", "incall", "dispo", "paused", "dead", "other");

    private static final Map<String, String> COLOURS = Map.of("ready", "#2e7d32", "wait", "#9ccc65",
            "incall", "#1565c0", "dispo", "#8e24aa", "paused", "#ef6c00", "dead", "#616161", "other", "#bdbdbd");

    private StatusFamilyColours() {
    }

    /** The family's colour; an unknown family is drawn as "other". */
    static String of(String family) {
        return COLOURS.getOrDefault(family, COLOURS.get("other"));
    }
}
