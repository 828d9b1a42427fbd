package io.convosowarehouse.archive;

import io.convosowarehouse.source.ReceivedAnswer;

/** An answer read back from ingest.raw_payload, with the row it came from. */
public record ArchivedAnswer(long rawPayloadId, String accountName, ReceivedAnswer answer) {
}
