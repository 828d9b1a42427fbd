package io.convosowarehouse.simulator.model;

/** The agent states Convoso reports, with the presentation strings its monitor page uses. */
public enum AgentStatus {
    READY("Ready", "waiting_light", "text_black", "2"),
    WAIT("Wait", "waiting_dark", "text_black", "2"),
    INCALL("In Call", "incall", "text_white", "3"),
    PAUSED("Paused", "paused", "text_black", "1"),
    DISPO("Dispo", "dispo", "text_black", "4"),
    DEAD("Dead", "dead", "text_white", "5");

    private final String label;
    private final String cssClass;
    private final String textClass;
    private final String availabilityId;

    AgentStatus(String label, String cssClass, String textClass, String availabilityId) {
        this.label = label;
        this.cssClass = cssClass;
        this.textClass = textClass;
        this.availabilityId = availabilityId;
    }

    String label() {
        return label;
    }

    public String cssClass() {
        return cssClass;
    }

    public String textClass() {
        return textClass;
    }

    public String availabilityId() {
        return availabilityId;
    }
}
