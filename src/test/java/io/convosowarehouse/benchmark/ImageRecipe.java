package io.convosowarehouse.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Dockerfile says about running the job: the ENTRYPOINT (java, its flags, the jar) and the JVM flags of the
 * training run ({@code ARG JAVA_FLAGS}). Read from the file itself, so the benchmark runs what the image runs.
 */
record ImageRecipe(List<String> entrypoint, String javaFlags) {

    private static final Pattern ENTRYPOINT = Pattern.compile("(?m)^ENTRYPOINT\\s*\\[(.*?)]", Pattern.DOTALL);
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern JAVA_FLAGS = Pattern.compile("(?m)^ARG JAVA_FLAGS=\"([^\"]*)\"");

    static ImageRecipe read(Path dockerfile) throws IOException {
        String text = Files.readString(dockerfile, StandardCharsets.UTF_8).replace("\\\n", " ");
        Matcher entrypoint = ENTRYPOINT.matcher(text);
        Matcher flags = JAVA_FLAGS.matcher(text);
        if (!entrypoint.find() || !flags.find()) {
            throw new IllegalStateException(dockerfile + " has no ENTRYPOINT [...] or ARG JAVA_FLAGS=\"...\"");
        }
        List<String> words = new ArrayList<>();
        Matcher word = QUOTED.matcher(entrypoint.group(1));
        while (word.find()) {
            words.add(word.group(1));
        }
        return new ImageRecipe(List.copyOf(words), flags.group(1));
    }

    /** The ENTRYPOINT with {@code java} replaced by the given JVM; it runs in the image's WORKDIR. */
    List<String> command(Path java) {
        List<String> command = new ArrayList<>(entrypoint);
        command.set(0, java.toString());
        return command;
    }
}
