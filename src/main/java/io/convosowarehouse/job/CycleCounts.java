package io.convosowarehouse.job;

/** The numbers of one poll cycle of one account. */
public record CycleCounts(int scopes, int loaded, int duplicates, int agents, int rejected, int failed) {

    public static final CycleCounts NONE = new CycleCounts(0, 0, 0, 0, 0, 0);

    public CycleCounts plus(CycleCounts other) {
        return new CycleCounts(scopes + other.scopes, loaded + other.loaded, duplicates + other.duplicates,
                agents + other.agents, rejected + other.rejected, failed + other.failed);
    }
}
