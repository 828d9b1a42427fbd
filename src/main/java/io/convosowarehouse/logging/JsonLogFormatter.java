package io.convosowarehouse.logging;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.event.KeyValuePair;
import org.springframework.boot.logging.structured.StructuredLogFormatter;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import tools.jackson.databind.json.JsonMapper;

/**
 * One JSON object per log line (LOG_FORMAT=json): time, level, logger, the redacted message, any
 * key-value pairs the line carries (the run summary's fields), and the exception's class and
 * redacted message.
 */
public class JsonLogFormatter implements StructuredLogFormatter<ILoggingEvent> {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Override
    public String format(ILoggingEvent event) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("@timestamp", Instant.ofEpochMilli(event.getTimeStamp()).toString());
        line.put("level", event.getLevel().toString());
        line.put("logger", event.getLoggerName());
        line.put("message", RedactingMessageConverter.redact(event.getFormattedMessage()));
        if (event.getKeyValuePairs() != null) {
            for (KeyValuePair pair : event.getKeyValuePairs()) {
                line.put(pair.key, pair.value instanceof String text ? RedactingMessageConverter.redact(text) : pair.value);
            }
        }
        IThrowableProxy failure = event.getThrowableProxy();
        if (failure != null) {
            line.put("exception", failure.getClassName() + ": " + RedactingMessageConverter.redact(failure.getMessage()));
        }
        return mapper.writeValueAsString(line) + "\n";
    }
}
