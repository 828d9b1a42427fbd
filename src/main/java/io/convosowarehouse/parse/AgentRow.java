package io.convosowarehouse.parse;

import java.time.Instant;

/**
 * One agent of an answer, typed: a value for each field of {@link AgentFields}, read with
 * {@link #get(ApiField)}. The named accessors are for the fields code reads by name.
 */
public record AgentRow(FieldValues values) {

    public <T> T get(ApiField<T> field) {
        return values.get(field);
    }

    /** Never null: an agent without a user_id is rejected before it becomes a row. */
    public long userId() {
        return get(AgentFields.USER_ID);
    }

    public String userFullName() {
        return get(AgentFields.USER_FULL_NAME);
    }

    public Long campaignId() {
        return get(AgentFields.CAMPAIGN_ID);
    }

    public String campaignName() {
        return get(AgentFields.CAMPAIGN_NAME);
    }

    public Long queueId() {
        return get(AgentFields.QUEUE_ID);
    }

    public String queueName() {
        return get(AgentFields.QUEUE_NAME);
    }

    public Long[] queueAssignmentIds() {
        return get(AgentFields.QUEUE_ASSIGNMENT_IDS);
    }

    public String extension() {
        return get(AgentFields.EXTENSION);
    }

    public Long leadId() {
        return get(AgentFields.LEAD_ID);
    }

    public Integer callsToday() {
        return get(AgentFields.CALLS_TODAY);
    }

    public Integer totalCalls() {
        return get(AgentFields.TOTAL_CALLS);
    }

    public Instant lastStateChange() {
        return get(AgentFields.LAST_STATE_CHANGE);
    }

    public Instant lastCallTime() {
        return get(AgentFields.LAST_CALL_TIME);
    }

    public Boolean inboundOnly() {
        return get(AgentFields.INBOUND_ONLY);
    }

    public String status() {
        return get(AgentFields.STATUS);
    }

    public Integer statusTimeSec() {
        return get(AgentFields.STATUS_TIME_SEC);
    }

    public Integer statusTimeMmss() {
        return get(AgentFields.STATUS_TIME_MMSS);
    }

    public String[] skillOptions() {
        return get(AgentFields.SKILL_OPTIONS);
    }
}
