package io.convosowarehouse.config;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which campaigns (or queues) get a call of their own in each poll cycle: none, all of those the
 * account-wide answer lists, or the listed ids. Configured as {@code ""}, {@code all} or {@code 12,34}.
 */
public record ScopeSelection(boolean all, Set<Long> ids) {

    public static final ScopeSelection NONE = new ScopeSelection(false, Set.of());

    public static ScopeSelection parse(List<String> values, String setting) {
        List<String> items = values == null ? List.of()
                : values.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (items.size() == 1 && items.get(0).equalsIgnoreCase("all")) {
            return new ScopeSelection(true, Set.of());
        }
        try {
            return new ScopeSelection(false, items.stream().map(Long::valueOf).collect(Collectors.toUnmodifiableSet()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(setting + " must be empty, 'all' or a comma-separated list of ids, not '"
                    + String.join(",", items) + "'");
        }
    }

    /** The ids to call, given the ids the account-wide answer listed. */
    public <T> List<Long> select(List<T> listed, Function<T, Long> id) {
        if (all) {
            return listed.stream().map(id).distinct().sorted().toList();
        }
        return ids.stream().sorted().toList();
    }
}
