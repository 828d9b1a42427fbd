package io.convosowarehouse.parse;

import java.math.BigDecimal;

/** The queue/inbound counters of an answer's {@code data} block (the queue comes from the call's scope). */
public record QueueCounters(
        Long queueDialableLeads,
        Integer queueCallsToday,
        Integer queueDropped,
        Integer queueAnswered,
        BigDecimal queueAnsweredPercent,
        BigDecimal queueDroppedPercent,
        BigDecimal inboundTotalPauseAvg,
        BigDecimal inboundTotalWaitAvg,
        BigDecimal inboundTotalTalkAvg,
        BigDecimal inboundTotalDispoAvg,
        Integer inboundTotalAgentsToday) {
}
