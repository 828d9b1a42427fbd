package io.convosowarehouse.pipeline;

import java.util.List;

import io.convosowarehouse.load.LoadOutcome;
import io.convosowarehouse.parse.NamedId;

/**
 * What became of one answer, and the campaigns and queues it listed (empty when it was refused),
 * which an account-wide answer's poll fans out to.
 */
public record ProcessedAnswer(LoadOutcome outcome, List<NamedId> campaigns, List<NamedId> queues) {
}
