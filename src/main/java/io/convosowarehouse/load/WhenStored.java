package io.convosowarehouse.load;

import java.util.List;

import io.convosowarehouse.parse.NamedId;

/**
 * Work done last in the transaction that stores an answer (or finds it stored already), so that what it
 * writes with that transaction's connection commits with the answer or not at all; it is told the
 * campaigns and queues the answer lists. The poll job records there that the cycle's scope has loaded.
 */
@FunctionalInterface
public interface WhenStored {

    WhenStored NOTHING = (campaigns, queues) -> { };

    void inTheSameTransaction(List<NamedId> campaigns, List<NamedId> queues);
}
