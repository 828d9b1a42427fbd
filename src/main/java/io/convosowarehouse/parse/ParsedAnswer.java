package io.convosowarehouse.parse;

import java.time.Instant;
import java.util.List;

/**
 * A successful answer, typed and ready to load. Records that could not be stored are in
 * {@code rejections}; fields the documentation does not list are in {@code unknownFields}.
 *
 * @param observedAt   data.time converted with the account zone, else the receive time
 * @param sourceTime   data.time converted, or NULL when the answer had none
 * @param campaignsJson the campaigns list exactly as sent, as JSON text
 * @param campaignCounters the {@link CounterFields#CAMPAIGN} values, or NULL when the answer had none or they were rejected
 * @param queueCounters    the {@link CounterFields#QUEUE} values, likewise
 */
public record ParsedAnswer(
        Instant observedAt,
        Instant sourceTime,
        Boolean entriesSuccess,
        Integer entriesCode,
        Boolean outOfFunds,
        Integer availableAgents,
        Integer loggedInAgents,
        List<NamedId> campaigns,
        List<NamedId> queues,
        String campaignsJson,
        String queuesJson,
        String callDataJson,
        List<AgentRow> agents,
        FieldValues campaignCounters,
        FieldValues queueCounters,
        List<Rejection> rejections,
        List<UnknownField> unknownFields) implements ParseOutcome {
}
