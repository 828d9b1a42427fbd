package io.convosowarehouse.simulator.answer;

import io.convosowarehouse.simulator.clock.LocalSeconds;
import io.convosowarehouse.simulator.model.AgentProfile;
import io.convosowarehouse.simulator.model.AgentSnapshot;
import io.convosowarehouse.simulator.model.AgentStatus;
import io.convosowarehouse.simulator.model.CallQueue;
import io.convosowarehouse.simulator.model.CallRecord;
import io.convosowarehouse.simulator.model.Seeds;
import io.convosowarehouse.simulator.model.StateTotals;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.stream.Collectors;

/** Renders one agent exactly as the API documents it: field order, names and JSON types. */
public final class AgentWriter {

    private final long seed;

    AgentWriter(long seed) {
        this.seed = seed;
    }

    ObjectNode write(AgentSnapshot snapshot) {
        AgentProfile agent = snapshot.agent();
        CallRecord call = snapshot.span().call();
        StateTotals totals = snapshot.sinceLogin();
        long sinceLastUpdate = sinceLastUpdate(snapshot);
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("user_id", agent.userId());
        node.put("user_full_name", agent.fullName());
        node.put("campaign_id", String.valueOf(agent.campaign().id()));
        node.put("campaign_name", agent.campaign().name());
        node.put("queue_id", call != null && call.inbound() ? String.valueOf(call.queue().id()) : "");
        node.put("queue_name", call != null && call.inbound() ? call.queue().name() : "");
        node.put("queue_assignment", agent.queues().stream().map(CallQueue::name).collect(Collectors.joining(", ")));
        ArrayNode queueIds = node.putArray("queue_assignment_ids");
        agent.queues().forEach(queue -> queueIds.add(String.valueOf(queue.id())));
        boolean dialing = call != null && !call.inbound();
        node.put("list_id", dialing ? agent.campaign().listId() : "0");
        node.put("list_name", dialing ? agent.campaign().listName() : "-");
        node.put("extension", agent.extension());
        node.put("channel_type", "VOICE");
        node.put("call_type", call == null ? "-" : call.inbound() ? "INBOUND" : "OUTBOUND");
        node.put("lead_id", call == null ? "0" : call.leadId());
        // the latest call's log id, kept after it ends as Vicidial's live-agent table does (docs/data-model.md#calls)
        node.put("call_log_id", snapshot.lastCall() == null ? "0" : snapshot.lastCall().callLogId());
        node.put("calls_today", String.valueOf(snapshot.callsToday()));
        node.put("total_calls", snapshot.callsToday());
        node.put("since_last_update", sinceLastUpdate);
        node.put("last_state_change", LocalSeconds.timestamp(snapshot.span().start()));
        node.put("last_call_time", started(snapshot.lastCall()));
        node.put("last_update_time", LocalSeconds.timestamp(snapshot.now() - sinceLastUpdate));
        node.put("last_call_finish", finished(snapshot.lastFinishedCall()));
        node.put("last_inbound_call_time", started(snapshot.lastInboundCall()));
        node.put("last_inbound_call_finish", finished(snapshot.lastFinishedInboundCall()));
        node.put("availability_id", snapshot.status().availabilityId());
        node.put("inbound_only", agent.inboundOnly() ? "1" : "0");
        node.put("status", snapshot.status().name());
        node.put("status_label", snapshot.span().label());
        duration(node, "status_time_sec", "status_time_mmss", snapshot.statusTimeSeconds());
        duration(node, "status_ready_time_sec", "status_ready_time_mmss", totals.seconds(AgentStatus.READY));
        duration(node, "status_wait_time_sec", "status_wait_time_mmss", totals.seconds(AgentStatus.WAIT));
        duration(node, "status_incall_time_sec", "status_incall_time_mmss", totals.seconds(AgentStatus.INCALL));
        duration(node, "status_dispo_time_sec", "status_dispo_time_mmss", totals.seconds(AgentStatus.DISPO));
        duration(node, "status_dead_time_sec", "status_dead_time_mmss", totals.seconds(AgentStatus.DEAD));
        // The simulated campaigns dial predictively, so nobody ever previews a lead.
        duration(node, "status_preview_time_sec", "status_preview_time_mmss", 0);
        duration(node, "status_length_sec", "status_length", snapshot.statusLengthSeconds());
        node.put("campaign_skill", "0");
        node.put("campaign_weight", "0");
        node.put("force_logout", "0");
        node.put("awaiting_confirmation", "0");
        node.put("connection_type", agent.connectionType());
        node.put("class", snapshot.status().cssClass());
        node.put("text_class", snapshot.status().textClass());
        node.put("skill_options", agent.skillOptions());
        return node;
    }

    /** The agent's browser reports every few seconds, never before the current state began. */
    private long sinceLastUpdate(AgentSnapshot snapshot) {
        long jitter = Math.floorMod(Seeds.mix(seed, snapshot.agent().index(), snapshot.now()), 6);
        return Math.min(jitter, snapshot.statusLengthSeconds());
    }

    private static void duration(ObjectNode node, String secondsField, String clockField, long seconds) {
        node.put(secondsField, seconds);
        node.put(clockField, LocalSeconds.hhmmss(seconds));
    }

    private static String started(CallRecord call) {
        return call == null ? LocalSeconds.NEVER : LocalSeconds.timestamp(call.start());
    }

    private static String finished(CallRecord call) {
        return call == null ? LocalSeconds.NEVER : LocalSeconds.timestamp(call.end());
    }
}
