package io.convosowarehouse.simulator.model;

import io.convosowarehouse.simulator.SimulatorSettings;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Builds a believable roster from the seed alone. */
public final class RosterGenerator {

    private static final List<String> CAMPAIGN_NAMES = List.of(
            "Medicare Advantage Outbound", "Auto Insurance Renewals", "Solar Leads West",
            "Home Warranty Winback", "Debt Relief Callbacks", "Final Expense Q2");
    private static final List<String> QUEUE_NAMES = List.of(
            "Customer Care", "Spanish Inbound", "Tech Support Tier 1", "Billing & Payments",
            "Retention", "Sales Callbacks");
    private static final List<String> FIRST_NAMES = List.of(
            "Zoë", "José", "Renée", "Maria", "James", "Aisha", "Chloé", "Liam", "Nguyen", "Priya",
            "Marcus", "Sofía", "Dmitri", "Emily", "André", "Keisha", "Tomás", "Hannah", "Omar", "Björn",
            "Grace", "Mateo", "Fatima", "Connor", "Yuki", "Isabel", "Kwame", "Léa", "Rafael", "Megan");
    private static final List<String> LAST_NAMES = List.of(
            "O'Brien", "García", "Smith", "D'Angelo", "Nguyễn", "Johnson", "Müller", "Okafor", "Patel",
            "Rodríguez", "O'Neill", "Kowalski", "Brown", "Peña", "Williams", "Dubois", "Kim", "Silva",
            "McAllister", "Haddad", "Jensen", "Lefèvre", "Thompson", "Ramírez", "Ivanova", "Walker");
    private static final List<String> SKILLS = List.of("Spanish", "TechSupport", "Billing", "Retention", "Licensed");
    /** Morning, day, swing and a night shift crossing midnight, in the order small rosters receive them. */
    private static final List<LocalTime> SHIFT_PATTERN = List.of(
            LocalTime.of(6, 0), LocalTime.of(8, 0), LocalTime.of(14, 0), LocalTime.of(22, 0),
            LocalTime.of(6, 0), LocalTime.of(8, 0), LocalTime.of(14, 0),
            LocalTime.of(6, 0), LocalTime.of(8, 0), LocalTime.of(14, 0));

    private RosterGenerator() {
    }

    public static Roster generate(SimulatorSettings settings) {
        Random random = new Random(Seeds.mix(settings.seed(), 1));
        List<Campaign> campaigns = campaigns(settings.campaigns(), random);
        List<CallQueue> queues = queues(settings.queues(), random);
        List<String> names = names(settings.agents(), random);
        List<LocalTime> shifts = shifts(settings.agents(), random);
        List<AgentProfile> agents = new ArrayList<>();
        for (int i = 0; i < settings.agents(); i++) {
            agents.add(agent(i, names.get(i), shifts.get(i), campaigns, queues, random));
        }
        return new Roster(campaigns, queues, agents);
    }

    private static List<Campaign> campaigns(int count, Random random) {
        List<Campaign> campaigns = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long id = 1000 + i * 111L + random.nextInt(100);
            String name = numbered(CAMPAIGN_NAMES, i);
            String listId = String.valueOf(5000 + i * 10 + random.nextInt(10));
            campaigns.add(new Campaign(id, name, listId, name + " - List " + listId,
                    200_000 + random.nextInt(4_000_000)));
        }
        return campaigns;
    }

    private static List<CallQueue> queues(int count, Random random) {
        List<CallQueue> queues = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long id = 50_000 + i * 1_111L + random.nextInt(1_000);
            queues.add(new CallQueue(id, numbered(QUEUE_NAMES, i), 50_000 + random.nextInt(2_000_000)));
        }
        return queues;
    }

    private static String numbered(List<String> names, int i) {
        String name = names.get(i % names.size());
        return i < names.size() ? name : name + " " + (i / names.size() + 1);
    }

    private static List<String> names(int count, Random random) {
        Set<String> names = new LinkedHashSet<>();
        while (names.size() < count) {
            String name = FIRST_NAMES.get(random.nextInt(FIRST_NAMES.size())) + " "
                    + LAST_NAMES.get(random.nextInt(LAST_NAMES.size()));
            // Large rosters run out of unique pairs; a middle initial keeps names distinct.
            if (!names.add(name)) {
                names.add(name.replace(" ", " " + (char) ('A' + random.nextInt(26)) + ". "));
            }
        }
        return new ArrayList<>(names);
    }

    private static List<LocalTime> shifts(int count, Random random) {
        List<LocalTime> shifts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            shifts.add(SHIFT_PATTERN.get(i % SHIFT_PATTERN.size()));
        }
        // The first four agents are shuffled apart from the rest so even a tiny roster keeps every shift, night included.
        int head = Math.min(count, 4);
        Collections.shuffle(shifts.subList(head, count), random);
        Collections.shuffle(shifts.subList(0, head), random);
        return shifts;
    }

    private static AgentProfile agent(int index, String name, LocalTime shiftStart, List<Campaign> campaigns,
                                      List<CallQueue> queues, Random random) {
        Campaign campaign = campaigns.get(random.nextInt(campaigns.size()));
        List<CallQueue> assigned = new ArrayList<>();
        assigned.add(queues.get(random.nextInt(queues.size())));
        if (queues.size() > 1 && random.nextBoolean()) {
            CallQueue second = queues.get(random.nextInt(queues.size()));
            if (!assigned.contains(second)) {
                assigned.add(second);
            }
        }
        List<String> skills = new ArrayList<>();
        for (String skill : SKILLS) {
            if (random.nextInt(4) == 0) {
                skills.add(skill);
            }
        }
        String connection = random.nextInt(5) == 0 ? "PHONE" : "BROWSER";
        boolean inboundOnly = random.nextInt(8) == 0;
        return new AgentProfile(index, String.valueOf(100_001 + index), name, campaign, assigned,
                "SIP-" + (10_001 + index), connection, skills, shiftStart, inboundOnly);
    }
}
