package io.convosowarehouse.config;

/**
 * A credential. Its {@code toString} never shows the value, so a secret that slips into a log
 * line, an exception message or a record's {@code toString} prints as {@code ***}.
 */
public record Secret(String value) {

    public boolean isBlank() {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return "***";
    }
}
