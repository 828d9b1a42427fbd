-- reporting.agent_snapshot: warehouse.agent_snapshot with every API field under its API name,
-- dictionary references resolved to text and HH:MM:SS durations shown as intervals.
create or replace view reporting.agent_snapshot as
select
    agent_snapshot.snapshot_id,
    agent_snapshot.account_id,
    agent_snapshot.observed_at,
    agent_snapshot.user_id,
    user_full_name_label.value as user_full_name,
    agent_snapshot.campaign_id,
    campaign_name_label.value as campaign_name,
    agent_snapshot.queue_id,
    queue_name_label.value as queue_name,
    queue_assignment_label.value as queue_assignment,
    agent_snapshot.queue_assignment_ids,
    agent_snapshot.list_id,
    list_name_label.value as list_name,
    extension_label.value as extension,
    channel_type_label.value as channel_type,
    call_type_label.value as call_type,
    agent_snapshot.lead_id,
    agent_snapshot.call_log_id,
    agent_snapshot.calls_today,
    agent_snapshot.total_calls,
    agent_snapshot.since_last_update,
    agent_snapshot.last_state_change,
    agent_snapshot.last_call_time,
    agent_snapshot.last_update_time,
    agent_snapshot.last_call_finish,
    agent_snapshot.last_inbound_call_time,
    agent_snapshot.last_inbound_call_finish,
    agent_snapshot.availability_id,
    agent_snapshot.inbound_only,
    status_label.value as status,
    status_label_label.value as status_label,
    agent_snapshot.status_time_sec,
    make_interval(secs => agent_snapshot.status_time_mmss) as status_time_mmss,
    agent_snapshot.status_ready_time_sec,
    make_interval(secs => agent_snapshot.status_ready_time_mmss) as status_ready_time_mmss,
    agent_snapshot.status_wait_time_sec,
    make_interval(secs => agent_snapshot.status_wait_time_mmss) as status_wait_time_mmss,
    agent_snapshot.status_incall_time_sec,
    make_interval(secs => agent_snapshot.status_incall_time_mmss) as status_incall_time_mmss,
    agent_snapshot.status_dispo_time_sec,
    make_interval(secs => agent_snapshot.status_dispo_time_mmss) as status_dispo_time_mmss,
    agent_snapshot.status_dead_time_sec,
    make_interval(secs => agent_snapshot.status_dead_time_mmss) as status_dead_time_mmss,
    agent_snapshot.status_preview_time_sec,
    make_interval(secs => agent_snapshot.status_preview_time_mmss) as status_preview_time_mmss,
    agent_snapshot.status_length_sec,
    make_interval(secs => agent_snapshot.status_length) as status_length,
    agent_snapshot.campaign_skill,
    agent_snapshot.campaign_weight,
    agent_snapshot.force_logout,
    agent_snapshot.awaiting_confirmation,
    connection_type_label.value as connection_type,
    class_label.value as "class",
    text_class_label.value as text_class,
    agent_snapshot.skill_options
from warehouse.agent_snapshot as agent_snapshot
    left join warehouse.label as user_full_name_label on user_full_name_label.label_id = agent_snapshot.user_full_name_ref
    left join warehouse.label as campaign_name_label on campaign_name_label.label_id = agent_snapshot.campaign_name_ref
    left join warehouse.label as queue_name_label on queue_name_label.label_id = agent_snapshot.queue_name_ref
    left join warehouse.label as queue_assignment_label on queue_assignment_label.label_id = agent_snapshot.queue_assignment_ref
    left join warehouse.label as list_name_label on list_name_label.label_id = agent_snapshot.list_name_ref
    left join warehouse.label as extension_label on extension_label.label_id = agent_snapshot.extension_ref
    left join warehouse.label as channel_type_label on channel_type_label.label_id = agent_snapshot.channel_type_ref
    left join warehouse.label as call_type_label on call_type_label.label_id = agent_snapshot.call_type_ref
    left join warehouse.label as status_label on status_label.label_id = agent_snapshot.status_ref
    left join warehouse.label as status_label_label on status_label_label.label_id = agent_snapshot.status_label_ref
    left join warehouse.label as connection_type_label on connection_type_label.label_id = agent_snapshot.connection_type_ref
    left join warehouse.label as class_label on class_label.label_id = agent_snapshot.class_ref
    left join warehouse.label as text_class_label on text_class_label.label_id = agent_snapshot.text_class_ref;

comment on view reporting.agent_snapshot is 'One row per agent per answer, every field of the Agent Monitor agent object under its API name.';
comment on column reporting.agent_snapshot.snapshot_id is 'The answer this row came from (warehouse.snapshot).';
comment on column reporting.agent_snapshot.account_id is 'The account (warehouse.account).';
comment on column reporting.agent_snapshot.observed_at is 'When the answer was observed (data.time, else receive time).';
comment on column reporting.agent_snapshot.user_id is 'Convoso agent identifier.';
comment on column reporting.agent_snapshot.user_full_name is 'Agent''s full name, exactly as sent.';
comment on column reporting.agent_snapshot.campaign_id is 'The campaign the agent is assigned to; NULL when none.';
comment on column reporting.agent_snapshot.campaign_name is 'Associated campaign name.';
comment on column reporting.agent_snapshot.queue_id is 'Queue ID; NULL when none.';
comment on column reporting.agent_snapshot.queue_name is 'Queue name.';
comment on column reporting.agent_snapshot.queue_assignment is 'Labels for assigned queues.';
comment on column reporting.agent_snapshot.queue_assignment_ids is 'IDs of assigned queues.';
comment on column reporting.agent_snapshot.list_id is 'Lead list ID; NULL when none.';
comment on column reporting.agent_snapshot.list_name is 'Lead list name.';
comment on column reporting.agent_snapshot.extension is 'SIP/phone extension.';
comment on column reporting.agent_snapshot.channel_type is 'Type of communication (e.g. VOICE).';
comment on column reporting.agent_snapshot.call_type is 'Call type (INBOUND, OUTBOUND...); NULL when the API sent -.';
comment on column reporting.agent_snapshot.lead_id is 'Lead ID if engaged in a call; NULL otherwise.';
comment on column reporting.agent_snapshot.call_log_id is 'Log ID of the last call.';
comment on column reporting.agent_snapshot.calls_today is 'Calls assigned today (resets at the account''s day boundary).';
comment on column reporting.agent_snapshot.total_calls is 'Total calls assigned.';
comment on column reporting.agent_snapshot.since_last_update is 'Seconds since the agent''s last UI update.';
comment on column reporting.agent_snapshot.last_state_change is 'When the current status began (exact to the second).';
comment on column reporting.agent_snapshot.last_call_time is 'Start of the last call.';
comment on column reporting.agent_snapshot.last_update_time is 'Last agent UI update.';
comment on column reporting.agent_snapshot.last_call_finish is 'End of the last call.';
comment on column reporting.agent_snapshot.last_inbound_call_time is 'Start of the last inbound call.';
comment on column reporting.agent_snapshot.last_inbound_call_finish is 'End of the last inbound call.';
comment on column reporting.agent_snapshot.availability_id is 'Agent availability status ID.';
comment on column reporting.agent_snapshot.inbound_only is 'True if the agent takes inbound calls only.';
comment on column reporting.agent_snapshot.status is 'System status (READY, INCALL, PAUSED, DISPO, DEAD...).';
comment on column reporting.agent_snapshot.status_label is 'Friendly name of the status.';
comment on column reporting.agent_snapshot.status_time_sec is 'Seconds in current status session (as sent).';
comment on column reporting.agent_snapshot.status_time_mmss is 'status_time_mmss as an interval.';
comment on column reporting.agent_snapshot.status_ready_time_sec is 'Seconds in Ready.';
comment on column reporting.agent_snapshot.status_ready_time_mmss is 'status_ready_time_mmss as an interval.';
comment on column reporting.agent_snapshot.status_wait_time_sec is 'Seconds waiting.';
comment on column reporting.agent_snapshot.status_wait_time_mmss is 'status_wait_time_mmss as an interval.';
comment on column reporting.agent_snapshot.status_incall_time_sec is 'Seconds in an active call.';
comment on column reporting.agent_snapshot.status_incall_time_mmss is 'status_incall_time_mmss as an interval.';
comment on column reporting.agent_snapshot.status_dispo_time_sec is 'Seconds in disposition.';
comment on column reporting.agent_snapshot.status_dispo_time_mmss is 'status_dispo_time_mmss as an interval.';
comment on column reporting.agent_snapshot.status_dead_time_sec is 'Seconds in dead state.';
comment on column reporting.agent_snapshot.status_dead_time_mmss is 'status_dead_time_mmss as an interval.';
comment on column reporting.agent_snapshot.status_preview_time_sec is 'Seconds in preview mode.';
comment on column reporting.agent_snapshot.status_preview_time_mmss is 'status_preview_time_mmss as an interval.';
comment on column reporting.agent_snapshot.status_length_sec is 'Seconds in the current status.';
comment on column reporting.agent_snapshot.status_length is 'status_length as an interval.';
comment on column reporting.agent_snapshot.campaign_skill is 'Skill level in campaign.';
comment on column reporting.agent_snapshot.campaign_weight is 'Skill priority in campaign.';
comment on column reporting.agent_snapshot.force_logout is 'True if logout is forced.';
comment on column reporting.agent_snapshot.awaiting_confirmation is 'True if pending confirmation to enter wait status.';
comment on column reporting.agent_snapshot.connection_type is 'BROWSER, PHONE...';
comment on column reporting.agent_snapshot."class" is 'CSS class the Convoso UI uses for the row.';
comment on column reporting.agent_snapshot.text_class is 'Text colour class of the Convoso UI.';
comment on column reporting.agent_snapshot.skill_options is 'Skills (the pipe-separated string split into an array).';
