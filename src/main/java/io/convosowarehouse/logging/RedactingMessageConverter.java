package io.convosowarehouse.logging;

import java.util.regex.Pattern;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The log message with every {@code auth_token=...} replaced by {@code auth_token=***}. Our own
 * code never logs the token; this catches libraries that log request URLs at DEBUG level (the
 * JDK HTTP client does), whatever the token's value.
 */
public class RedactingMessageConverter extends MessageConverter {

    private static final Pattern TOKEN_PARAMETER = Pattern.compile("(auth_token=)[^&\\s\"'<>]+");

    @Override
    public String convert(ILoggingEvent event) {
        return redact(super.convert(event));
    }

    static String redact(String message) {
        return message == null || !message.contains("auth_token=") ? message
                : TOKEN_PARAMETER.matcher(message).replaceAll("$1***");
    }
}
