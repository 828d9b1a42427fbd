package io.convosowarehouse.parse;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;

/**
 * Converts Convoso's zone-less local timestamps to instants with the account's IANA time zone.
 * <p>
 * DST: a local time in the spring-forward gap moves forward by the gap's length (02:30 becomes
 * 03:30); a local time in the fall-back overlap takes the later offset when that instant is at or
 * before the reference (the snapshot's observation time), else the earlier offset — an agent
 * cannot have changed state after the moment the answer describes.
 */
public record ConvosoTime(ZoneId zone) {

    /** Whether a fall-back transition (a repeated local hour) lies within a day of either instant. */
    public boolean fallBackNear(Instant first, Instant second) {
        Instant from = (first.isBefore(second) ? first : second).minus(Duration.ofDays(1));
        Instant to = (first.isBefore(second) ? second : first).plus(Duration.ofDays(1));
        for (ZoneOffsetTransition transition = zone.getRules().nextTransition(from);
                transition != null && !transition.getInstant().isAfter(to);
                transition = zone.getRules().nextTransition(transition.getInstant())) {
            if (transition.isOverlap()) {
                return true;
            }
        }
        return false;
    }

    public Instant toInstant(LocalDateTime local, Instant reference) {
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.size() == 1) {
            return local.toInstant(offsets.get(0));
        }
        if (offsets.isEmpty()) {
            return ZonedDateTime.ofLocal(local, zone, null).toInstant();
        }
        Instant withEarlierOffset = local.toInstant(offsets.get(0));
        Instant withLaterOffset = local.toInstant(offsets.get(1));
        Instant later = withEarlierOffset.isAfter(withLaterOffset) ? withEarlierOffset : withLaterOffset;
        Instant earlier = later == withEarlierOffset ? withLaterOffset : withEarlierOffset;
        return later.isAfter(reference) ? earlier : later;
    }
}
